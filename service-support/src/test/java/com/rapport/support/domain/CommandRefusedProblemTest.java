package com.rapport.support.domain;

import com.rapport.support.problem.ProblemExceptionHandler;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.CompletionException;

/** A refusal thrown by an aggregate reaches the caller as the problem API.md names, with its status decided once. */
class CommandRefusedProblemTest {

    private final WebTestClient web = WebTestClient.bindToController(new Refusing())
            .controllerAdvice(new ProblemExceptionHandler(List.of()))
            .build();

    @Nested
    class EachReasonHasItsStatus {

        @Test
        void anInvalidFieldIsA400WithTheField() {
            web.get().uri("/invalid").exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType("application/problem+json")
                    .expectBody()
                    .jsonPath("$.type").value(type -> org.assertj.core.api.Assertions.assertThat((String) type)
                            .endsWith("/validation-failed"))
                    .jsonPath("$.errors[0].field").isEqualTo("dealValue")
                    .jsonPath("$.instance").isEqualTo("/invalid");
        }

        @Test
        void somethingMissingIsA404() {
            web.get().uri("/missing").exchange().expectStatus().isNotFound()
                    .expectBody().jsonPath("$.detail").isEqualTo("referral r-1 does not exist");
        }

        @Test
        void anIllegalTransitionIsA409WithTheStatuses() {
            web.get().uri("/transition").exchange().expectStatus().isEqualTo(409)
                    .expectBody()
                    .jsonPath("$.title").isEqualTo("Illegal transition")
                    .jsonPath("$.currentStatus").isEqualTo("LOST")
                    .jsonPath("$.allowedStatuses[0]").isEqualTo("QUALIFIED");
        }

        @Test
        void aForbiddenActIsA403() {
            web.get().uri("/forbidden").exchange().expectStatus().isForbidden();
        }
    }

    @Test
    void aRefusalWrappedByTheCommandGatewaysFutureIsStillUnderstood() {
        web.get().uri("/wrapped").exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").value(type -> org.assertj.core.api.Assertions
                        .assertThat((String) type).endsWith("/entry-already-paid"));
    }

    @RestController
    static class Refusing {

        @GetMapping("/invalid")
        Mono<String> invalid() {
            throw CommandRefused.invalidField("dealValue", "must be more than zero");
        }

        @GetMapping("/missing")
        Mono<String> missing() {
            return Mono.error(CommandRefused.notFound("referral", "r-1"));
        }

        @GetMapping("/transition")
        Mono<String> transition() {
            throw CommandRefused.illegalTransition("referral r-1 is LOST", "LOST", List.of("QUALIFIED"));
        }

        @GetMapping("/forbidden")
        Mono<String> forbidden() {
            throw CommandRefused.forbidden("a partner can only see its own referrals");
        }

        @GetMapping("/wrapped")
        Mono<String> wrapped() {
            return Mono.error(new CompletionException(
                    CommandRefused.conflict("entry-already-paid", "Entry already paid", "entry e-1 is paid")));
        }
    }
}
