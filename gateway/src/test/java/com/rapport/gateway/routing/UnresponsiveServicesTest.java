package com.rapport.gateway.routing;

import com.rapport.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;

/**
 * A service that stays silent too long is a 504, one that hangs up a 502; the notification stream may stay silent
 * as long as it likes.
 */
class UnresponsiveServicesTest extends GatewayIntegrationTest {

    @Test
    void aServiceSilentPastTheReadTimeoutIsA504Problem() {
        client().get().uri("/api/referrals/slow").headers(h -> h.setBearerAuth(ops())).exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(problem("gateway-timeout"));
    }

    @Test
    void aServiceThatHangsUpWithoutAnAnswerIsA502Problem() {
        client().get().uri("/api/referrals/hang-up").headers(h -> h.setBearerAuth(ops())).exchange()
                .expectStatus().isEqualTo(502)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(problem("bad-gateway"));
    }

    @Test
    void theNotificationStreamPassesEventsAsTheyComeAndIsNotCutByTheReadTimeout() {
        Flux<String> events = client().get().uri("/api/notifications/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBearerAuth(ops()))
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody();

        StepVerifier.create(events)
                .expectNext("first")
                .expectNext("second")
                .expectComplete()
                .verify(Duration.ofSeconds(20));
    }
}
