package com.rapport.support.problem;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The last resort before Spring Boot's JSON error page: errors that never reached a controller (an unknown path,
 * a filter's refusal) still leave as problem+json.
 */
public class ProblemWebExceptionHandler implements WebExceptionHandler, Ordered {

    private final ProblemResponseWriter writer;

    public ProblemWebExceptionHandler(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (error instanceof ProblemException problem) {
            return writer.write(exchange, problem.status(), problem.slug(), problem.title(), problem.getMessage());
        }
        if (error instanceof ResponseStatusException status) {
            HttpStatusCode code = status.getStatusCode();
            HttpStatus known = HttpStatus.resolve(code.value());
            String detail = status.getReason() != null ? status.getReason()
                    : known != null ? known.getReasonPhrase() : "error";
            return writer.write(exchange, code, ProblemTypes.slugFor(code),
                    known != null ? known.getReasonPhrase() : "Error", detail);
        }
        return Mono.error(error);
    }

    @Override
    public int getOrder() {
        // before Boot's DefaultErrorWebExceptionHandler (-1)
        return -2;
    }
}
