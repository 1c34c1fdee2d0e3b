package com.rapport.gateway.routing;

import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a service receives about the caller: the {@code Authorization} header unchanged (services authenticate by
 * the JWT themselves), and informational {@code X-Rapport-*} headers written here from the verified token, after
 * every identity-looking header the client sent has been removed.
 */
@Component
public class IdentityHeadersFilter implements GlobalFilter, Ordered {

    public static final String USER = "X-Rapport-User";
    public static final String ROLES = "X-Rapport-Roles";
    public static final String PARTNER_ID = "X-Rapport-Partner-Id";

    private final List<String> strippedPrefixes;
    private final Set<String> stripped;

    public IdentityHeadersFilter(IdentityHeadersProperties properties) {
        this.strippedPrefixes = properties.strippedPrefixes().stream().map(IdentityHeadersFilter::normalized).toList();
        this.stripped = properties.stripped().stream().map(IdentityHeadersFilter::normalized)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> Optional.of(Caller.of(((JwtAuthenticationToken) principal).getToken())))
                .defaultIfEmpty(Optional.empty())
                .flatMap(caller -> chain.filter(exchange.mutate()
                        .request(request -> request.headers(headers -> rewrite(headers, caller)))
                        .build()));
    }

    private void rewrite(HttpHeaders headers, Optional<Caller> caller) {
        List<String> forged = headers.keySet().stream().filter(this::isIdentityHeader).toList();
        forged.forEach(headers::remove);
        caller.ifPresent(identity -> {
            headers.set(USER, identity.username());
            headers.set(ROLES, identity.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")));
            if (identity.partnerId() != null) {
                headers.set(PARTNER_ID, identity.partnerId());
            }
        });
    }

    private boolean isIdentityHeader(String name) {
        String normalized = normalized(name);
        return stripped.contains(normalized) || strippedPrefixes.stream().anyMatch(normalized::startsWith);
    }

    private static String normalized(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public int getOrder() {
        // early among the routing filters, long before the request is sent (NettyRoutingFilter is last)
        return Ordered.HIGHEST_PRECEDENCE + 1000;
    }
}
