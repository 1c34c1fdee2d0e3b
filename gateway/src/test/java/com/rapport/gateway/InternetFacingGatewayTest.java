package com.rapport.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.testsupport.TestInfrastructure;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

import javax.net.ssl.SSLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway configured as it would face the internet: TLS, one proxy in front (its X-Forwarded-For entry is the
 * client's address), CORS opened to one portal origin, and small rate limits so a test can reach them. Each test
 * speaks from its own client address, so budgets do not leak between tests. Classes extending this share a context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.ssl.enabled=true",
        "server.ssl.key-store-type=PKCS12",
        "server.ssl.key-store-password=" + TestCertificate.PASSWORD,
        "server.ssl.key-alias=" + TestCertificate.ALIAS,
        "rapport.rate-limit.trusted-proxies=1",
        "rapport.rate-limit.sign-in-per-address.capacity=3",
        "rapport.rate-limit.sign-in-per-address.refill-tokens=1",
        "rapport.rate-limit.sign-in-per-address.refill-period=1m",
        "rapport.rate-limit.api-per-address.capacity=6",
        "rapport.rate-limit.api-per-address.refill-tokens=1",
        "rapport.rate-limit.api-per-address.refill-period=1m",
        "rapport.rate-limit.api-per-user.capacity=3",
        "rapport.rate-limit.api-per-user.refill-tokens=1",
        "rapport.rate-limit.api-per-user.refill-period=1m",
        "rapport.security.cors.allowed-origins=" + InternetFacingGatewayTest.PORTAL_ORIGIN})
@ActiveProfiles("local")
public abstract class InternetFacingGatewayTest {

    public static final String PORTAL_ORIGIN = "https://portal.rapport.example";

    protected static final TestCertificate CERTIFICATE = TestCertificate.generate();
    protected static final RecordingService SERVICES = RecordingService.start("any");

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.shared().register(registry, "rapport-gateway-internet-it");
        registry.add("server.ssl.key-store", () -> CERTIFICATE.keyStore().toUri().toString());
        registry.add("rapport.services.referral-uri", () -> SERVICES.uri().toString());
        registry.add("rapport.services.commission-uri", () -> SERVICES.uri().toString());
        registry.add("rapport.services.notification-uri", () -> SERVICES.uri().toString());
    }

    /** A client that trusts the test certificate and speaks from {@code address} (as the proxy tells it). */
    protected WebTestClient from(String address) {
        try {
            SslContext tls = SslContextBuilder.forClient().trustManager(CERTIFICATE.certificate()).build();
            HttpClient https = HttpClient.create().secure(spec -> spec.sslContext(tls));
            return WebTestClient.bindToServer(new ReactorClientHttpConnector(https))
                    .baseUrl("https://localhost:" + port)
                    .responseTimeout(Duration.ofSeconds(30))
                    .defaultHeader("X-Forwarded-For", address)
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client address no other test uses. */
    protected static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "203.0.113." + n;
    }

    protected WebTestClient.ResponseSpec signIn(WebTestClient client, String username, String password) {
        return client.post().uri("/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange();
    }

    protected String accessToken(String username, String password) {
        return signIn(from(newAddress()), username, password).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("accessToken").asText();
    }

    protected static String problem(String slug) {
        return GatewayIntegrationTest.PROBLEM_BASE + slug;
    }
}
