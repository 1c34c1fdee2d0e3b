package com.rapport.support.problem;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.regex.Pattern;

/**
 * An id in an {@code /api/} path that no resource can have (ids are server-made UUIDs or caller-chosen plain names:
 * letters, digits, {@code . _ ~ : -}) is answered 404 before any controller reads or stores anything under it. Without
 * this, an endpoint keyed by partner that creates on {@code PUT} (payout details, tax profiles, preferences) would
 * store data under {@code ' OR '1'='1} or an id hiding a right-to-left mark. Runs after authentication, so an
 * unauthenticated caller still gets its 401.
 */
public class ImpossibleIdFilter implements WebFilter, Ordered {

    private static final Pattern POSSIBLE = Pattern.compile("[A-Za-z0-9._~:-]{1,200}");

    private final ProblemResponseWriter problems;

    public ImpossibleIdFilter(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var path = exchange.getRequest().getPath().pathWithinApplication();
        if (!path.value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        for (PathContainer.Element element : path.elements()) {
            if (element instanceof PathContainer.PathSegment segment
                    && !POSSIBLE.matcher(segment.valueToMatch()).matches()) {
                return problems.write(exchange, HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                        "no resource has this id");
            }
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        // after Spring Security's WebFilterChainProxy (-100)
        return 0;
    }
}
