package com.rapport.support.problem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.netty.channel.AbortedException;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caller that hangs up before its request was read in full (HostileInputIT's half-sent bodies) is its own doing:
 * a 4xx, and no stack trace at ERROR in the service's log, which operations read for real faults.
 */
@ExtendWith(OutputCaptureExtension.class)
class AbandonedRequestTest {

    private final ProblemExceptionHandler handler = new ProblemExceptionHandler(List.of());

    @Test
    void isAnsweredAsIncompleteAndNotLoggedAsAnError(CapturedOutput output) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.put("/api/plans/p1"));

        ResponseEntity<Object> answer = handler.handleAny(new AbortedException("Connection has been closed"), exchange)
                .block(Duration.ofSeconds(5));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(((ProblemDetail) answer.getBody()).getTitle()).isEqualTo("Request incomplete");
        assertThat(output.getAll()).doesNotContain("Unexpected error");
    }

    @Test
    void anythingElseUnexpectedIsStillAnErrorInTheLog(CapturedOutput output) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.put("/api/plans/p1"));

        ResponseEntity<Object> answer = handler.handleAny(new IllegalStateException("a real fault"), exchange)
                .block(Duration.ofSeconds(5));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(output.getAll()).contains("Unexpected error on PUT /api/plans/p1");
    }
}
