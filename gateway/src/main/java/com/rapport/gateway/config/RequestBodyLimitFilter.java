package com.rapport.gateway.config;

import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemResponseWriter;
import com.rapport.support.problem.ProblemTypes;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicLong;

/**
 * API.md: a request body over the limit (64 KiB) is a 413, whether routed to a service or read by the gateway.
 * A declared Content-Length is judged before anything is read; a body without one (chunked) is counted while it
 * streams and cut off the moment it passes the limit.
 */
@Component
public class RequestBodyLimitFilter implements WebFilter, Ordered {

    /** Right after Spring Security's chain (-100): refusals there are answered first, with the same headers. */
    public static final int ORDER = -99;

    private final long limit;
    private final ProblemResponseWriter problems;

    public RequestBodyLimitFilter(GatewaySecurityProperties properties, ProblemResponseWriter problems) {
        this.limit = properties.maxBodySize().toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            PayloadTooLarge refusal = new PayloadTooLarge(limit);
            return problems.write(exchange, refusal.status(), refusal.slug(), refusal.title(), refusal.getMessage());
        }
        if (declared >= 0) {
            // the connection cannot carry more than it declared
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(counted(exchange.getRequest())).build());
    }

    private ServerHttpRequest counted(ServerHttpRequest request) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> {
                    AtomicLong seen = new AtomicLong();
                    return super.getBody().handle((buffer, sink) -> {
                        if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                            DataBufferUtils.release(buffer);
                            sink.error(new PayloadTooLarge(limit));
                        } else {
                            sink.next(buffer);
                        }
                    });
                });
            }
        };
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** The body is over the limit. */
    public static final class PayloadTooLarge extends ProblemException {

        PayloadTooLarge(long limit) {
            super(HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large",
                    "the request body is over the limit of %d bytes".formatted(limit));
        }
    }
}
