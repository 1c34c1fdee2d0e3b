package com.rapport.gateway.routing;

import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTranslator;
import com.rapport.support.problem.ProblemTypes;
import io.netty.channel.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.netty.http.client.PrematureCloseException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * How a service's failure to answer reaches the client, through service-support's one problem handler: a service
 * that cannot be reached is a 503, one that does not answer in time a 504, one that hangs up without an answer a
 * 502. Without this they would be logged and answered as internal errors.
 */
@Component
public class DownstreamFailures implements ProblemTranslator {

    public static final String BAD_GATEWAY = "bad-gateway";
    public static final String GATEWAY_TIMEOUT = "gateway-timeout";

    private static final Logger log = LoggerFactory.getLogger(DownstreamFailures.class);
    private static final int MAX_CAUSE_DEPTH = 10;

    @Override
    public Throwable translate(Throwable error) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < MAX_CAUSE_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof ProblemException) {
                return cause;
            }
            if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException
                    || cause instanceof UnknownHostException) {
                log.warn("A service cannot be reached: {}", cause.toString());
                return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
                        "Service unavailable", "the service behind this path cannot be reached; try again later");
            }
            if (cause instanceof TimeoutException || cause instanceof ResponseStatusException status
                    && status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
                log.warn("A service did not answer in time: {}", cause.toString());
                return new ProblemException(HttpStatus.GATEWAY_TIMEOUT, GATEWAY_TIMEOUT, "Gateway timeout",
                        "the service behind this path did not answer in time");
            }
            if (cause instanceof PrematureCloseException) {
                log.warn("A service closed the connection without an answer: {}", cause.toString());
                return new ProblemException(HttpStatus.BAD_GATEWAY, BAD_GATEWAY, "Bad gateway",
                        "the service behind this path closed the connection without an answer");
            }
        }
        return error;
    }
}
