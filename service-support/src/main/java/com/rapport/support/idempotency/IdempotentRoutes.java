package com.rapport.support.idempotency;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;

/** The requests a service takes an {@code Idempotency-Key} on, from "METHOD /path/pattern" lines. */
final class IdempotentRoutes {

    private record Route(HttpMethod method, PathPattern path) {
    }

    private final List<Route> routes;

    IdempotentRoutes(List<String> lines) {
        this.routes = lines.stream().map(IdempotentRoutes::parse).toList();
    }

    private static Route parse(String line) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length != 2 || !parts[1].startsWith("/")) {
            throw new IllegalArgumentException(
                    "rapport.idempotency.routes: expected \"METHOD /path/pattern\", got \"%s\"".formatted(line));
        }
        return new Route(HttpMethod.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT)),
                PathPatternParser.defaultInstance.parse(parts[1]));
    }

    boolean cover(ServerHttpRequest request) {
        return cover(request.getMethod(), request.getPath().pathWithinApplication());
    }

    /** For the API document: a path template such as {@code /api/referrals/{referralId}/payments}. */
    boolean cover(HttpMethod method, String path) {
        return cover(method, PathContainer.parsePath(path));
    }

    private boolean cover(HttpMethod method, PathContainer path) {
        for (Route route : routes) {
            if (route.method().equals(method) && route.path().matches(path)) {
                return true;
            }
        }
        return false;
    }
}
