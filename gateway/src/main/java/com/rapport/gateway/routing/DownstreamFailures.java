package com.rapport.gateway.routing;

import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import com.rapport.support.tracing.RequestThreadLocals;
import io.netty.channel.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * How a service's failure to answer reaches the client: a service that cannot be reached is a 503, one that stays
 * silent past the read timeout a 504, one that hangs up without an answer a 502. Wraps every routed request, so
 * these leave as problems the one shared handler understands, not as internal errors.
 */
@Component
public class DownstreamFailures implements GlobalFilter, Ordered {

    public static final String BAD_GATEWAY = "bad-gateway";
    public static final String GATEWAY_TIMEOUT = "gateway-timeout";

    private static final Logger log = LoggerFactory.getLogger(DownstreamFailures.class);
    private static final int MAX_CAUSE_DEPTH = 10;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        // translated with the request's trace current: its warning carries the trace id
        return chain.filter(exchange).onErrorResume(error -> RequestThreadLocals.around(
                () -> Mono.error(translate(error, exchange))));
    }

    Throwable translate(Throwable error, ServerWebExchange exchange) {
        String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath();
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < MAX_CAUSE_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof ProblemException) {
                return cause;
            }
            if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException
                    || cause instanceof UnknownHostException) {
                log.warn("{}: the service cannot be reached: {}", request, cause.toString());
                return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
                        "Service unavailable", "the service behind this path cannot be reached; try again later");
            }
            if (cause instanceof TimeoutException || cause instanceof ResponseStatusException status
                    && status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
                log.warn("{}: the service did not answer in time", request);
                return new ProblemException(HttpStatus.GATEWAY_TIMEOUT, GATEWAY_TIMEOUT, "Gateway timeout",
                        "the service behind this path did not answer in time");
            }
            if (cause instanceof PrematureCloseException) {
                log.warn("{}: the service closed the connection without an answer", request);
                return new ProblemException(HttpStatus.BAD_GATEWAY, BAD_GATEWAY, "Bad gateway",
                        "the service behind this path closed the connection without an answer");
            }
        }
        return error;
    }

    @Override
    public int getOrder() {
        // outermost: sees what every other routing filter, the one that calls the service included, lets out
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
