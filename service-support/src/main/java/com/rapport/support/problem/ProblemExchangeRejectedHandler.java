package com.rapport.support.problem;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's firewall refuses paths with encoded slashes, dots, NUL or line breaks before any filter or
 * controller runs, and by default answers a bare 400 without a body. API.md wants every error as a problem: this one
 * is a malformed request. The detail does not echo the refused text back.
 */
public class ProblemExchangeRejectedHandler implements ServerExchangeRejectedHandler {

    private final ProblemResponseWriter writer;

    public ProblemExchangeRejectedHandler(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return writer.write(exchange, HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
                "the request's path or headers contain characters that are not accepted (encoded slashes or dots, "
                        + "NUL, line breaks)");
    }
}
