package com.rapport.support.problem;

import com.rapport.support.SecuredWebService;
import com.rapport.support.security.Caller;
import com.rapport.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A caller that hangs up before its request was read in full (HostileInputIT's half-sent bodies) is its own doing,
 * not a fault of the service: no stack trace at ERROR in the log operations read for real faults. A connection
 * reset on the service's own side (the database's, the broker's) while the caller still waits stays a 500 at ERROR,
 * so that the caller retries: telling the two apart by the exception alone answered a payment 400 when the
 * database was killed (FaultUnderLoadIT).
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = AbandonedRequestTest.Service.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AbandonedRequestTest {

    private static final TestTokens TOKENS = TestTokens.shared();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TOKENS.register(registry);
    }

    @Test
    void aCallerThatHangsUpMidBodyIsNotAnErrorOfTheService(CapturedOutput output) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /items HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKENS.ops()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"name\":\"half")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(Service.Items.READING.await(10, TimeUnit.SECONDS)).isTrue();
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(output.getAll()).contains("the caller hung up before its request was read: POST /items"));
        assertThat(output.getAll()).doesNotContain("Unexpected error");
    }

    @Test
    void aConnectionResetOnTheServicesOwnSideIsStillAnErrorTheCallerRetries(CapturedOutput output) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/items/reset"))
                        .header("Authorization", "Bearer " + TOKENS.ops())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"whole\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(output.getAll()).contains("Unexpected error on POST /items/reset");
    }

    record Item(String name) {
    }

    @SecuredWebService
    @Import(Service.Items.class)
    static class Service {

        @RestController
        static class Items {

            static final CountDownLatch READING = new CountDownLatch(1);

            @PostMapping("/items")
            Mono<String> create(@RequestBody Mono<Item> item, Caller caller) {
                READING.countDown();
                return item.map(Item::name);
            }

            /** What the database's driver raises when the database is killed mid-request. */
            @PostMapping("/items/reset")
            Mono<String> reset(@RequestBody Item item, Caller caller) {
                return Mono.error(new IllegalStateException("Exception receiving message",
                        new IOException("Connection reset by peer")));
            }
        }
    }
}
