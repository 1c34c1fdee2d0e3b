package com.rapport.gateway.ratelimit;

import com.rapport.gateway.config.RequestBodyLimitFilter;
import com.rapport.support.problem.ProblemResponseWriter;
import com.rapport.support.problem.ProblemTypes;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.security.Principal;

/**
 * Request budgets, answered with 429 problem+json and Retry-After when spent: per client address on the sign-in,
 * refresh, invitation and password-reset endpoints (against password and link guessing, and mail flooding, from one
 * place; guessing one user's password from many places is
 * the lock-out's job), and per address and per signed-in user on {@code /api/**}. Runs after authentication, so a
 * user's budget is keyed by the verified token's subject and never by anything the client claims.
 */
@Component
public class RateLimitFilter implements WebFilter, Ordered {

    private final RequestBudget budget;
    private final ClientAddress clientAddress;
    private final ProblemResponseWriter problems;
    private final RateLimitProperties properties;
    /** Everything that checks a password or a link, or sends an email. */
    private final ServerWebExchangeMatcher signIn = ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST,
            "/auth/token", "/auth/refresh", "/auth/invitations", "/auth/invitations/*/accept",
            "/auth/password-resets", "/auth/password-resets/*");
    private final ServerWebExchangeMatcher api = ServerWebExchangeMatchers.pathMatchers("/api/**");

    public RateLimitFilter(RequestBudget budget, ClientAddress clientAddress, ProblemResponseWriter problems,
                           RateLimitProperties properties) {
        this.budget = budget;
        this.clientAddress = clientAddress;
        this.problems = problems;
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!properties.enabled()) {
            return chain.filter(exchange);
        }
        return signIn.matches(exchange).flatMap(signInMatch -> {
            if (signInMatch.isMatch()) {
                return budget.take(properties.signInPerAddress(), clientAddress.of(exchange))
                        .flatMap(decision -> proceed(decision, exchange, chain));
            }
            return api.matches(exchange).flatMap(apiMatch -> apiMatch.isMatch()
                    ? budget.take(properties.apiPerAddress(), clientAddress.of(exchange))
                    .flatMap(byAddress -> byAddress.allowed() ? perUser(exchange) : Mono.just(byAddress))
                    .flatMap(decision -> proceed(decision, exchange, chain))
                    : chain.filter(exchange));
        });
    }

    private Mono<BudgetDecision> perUser(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .map(Principal::getName)
                .flatMap(user -> budget.take(properties.apiPerUser(), user))
                .defaultIfEmpty(BudgetDecision.ALLOWED);
    }

    private Mono<Void> proceed(BudgetDecision decision, ServerWebExchange exchange, WebFilterChain chain) {
        if (decision.allowed()) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_REQUESTS,
                "Too many requests", "too many requests; try again in %d second(s)"
                        .formatted(decision.retryAfterSeconds()));
    }

    @Override
    public int getOrder() {
        return RequestBodyLimitFilter.ORDER + 1;
    }
}
