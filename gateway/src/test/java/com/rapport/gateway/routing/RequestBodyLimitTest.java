package com.rapport.gateway.routing;

import com.rapport.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md: a body over 64 KiB is a 413 problem, declared or streamed, routed or read by the gateway. */
class RequestBodyLimitTest extends GatewayIntegrationTest {

    private static final int LIMIT = 64 * 1024;

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedBeforeItIsRouted() {
        String path = "/api/referrals/" + UUID.randomUUID();

        client().post().uri(path).headers(h -> h.setBearerAuth(ops()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json(LIMIT + 1))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(problem("payload-too-large"));

        assertThat(REFERRAL.received()).noneMatch(request -> path.equals(request.get("path")));
    }

    @Test
    void aBodyOfExactlyTheLimitPasses() {
        client().post().uri("/api/referrals").headers(h -> h.setBearerAuth(ops()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json(LIMIT))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.bodyBytes").isEqualTo(LIMIT);
    }

    @Test
    void aStreamedBodyIsCutOffWhenItPassesTheLimit() {
        client().post().uri("/api/referrals").headers(h -> h.setBearerAuth(ops()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(chunked(LIMIT * 2), DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo(problem("payload-too-large"));
    }

    @Test
    void theSignInEndpointHasTheSameLimit() {
        client().post().uri("/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json(LIMIT + 1))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo(problem("payload-too-large"));
        client().post().uri("/auth/users").headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(chunked(LIMIT * 2), DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo(problem("payload-too-large"));
    }

    /** A JSON document of exactly {@code size} bytes. */
    private static byte[] json(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        byte[] start = "{\"note\":\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, body, 0, start.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }

    /** Sent in 4 KiB pieces without a Content-Length (chunked transfer encoding). */
    private static Flux<DataBuffer> chunked(int size) {
        int piece = 4 * 1024;
        return Flux.range(0, size / piece).map(i -> {
            byte[] bytes = new byte[piece];
            Arrays.fill(bytes, (byte) 'x');
            return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
        });
    }
}
