package com.rapport.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Budgets kept in Redis by Spring Cloud Gateway's standard {@link RedisRateLimiter} (its atomic Lua token bucket),
 * so every gateway instance shares them. That limiter counts whole tokens per second; a budget of {@code refillTokens}
 * per {@code refillPeriod} becomes: each request costs {@code refillPeriod} seconds' worth of tokens, {@code
 * refillTokens} tokens come back per second, and the bucket holds {@code capacity} requests' worth. Like the
 * limiter itself, this lets requests through when Redis cannot be reached (it logs that).
 */
public class RedisRequestBudget implements RequestBudget {

    private final RateLimiter<RedisRateLimiter.Config> limiter;
    private final String remainingHeader;

    public RedisRequestBudget(RateLimiter<RedisRateLimiter.Config> limiter, String remainingHeader) {
        this.limiter = limiter;
        this.remainingHeader = remainingHeader;
    }

    /** Checks and registers the limits at start, so a limit Redis cannot express stops the gateway early. */
    public RedisRequestBudget prepare(List<RateLimitProperties.Limit> limits) {
        limits.forEach(limit -> limiter.getConfig().put(limit.name(), configOf(limit)));
        return this;
    }

    @Override
    public Mono<BudgetDecision> take(RateLimitProperties.Limit limit, String key) {
        RedisRateLimiter.Config config = limiter.getConfig().computeIfAbsent(limit.name(), name -> configOf(limit));
        return limiter.isAllowed(limit.name(), limit.name() + ":" + key).map(response -> {
            if (response.isAllowed()) {
                return BudgetDecision.ALLOWED;
            }
            long remaining = remaining(response.getHeaders());
            long missing = Math.max(1, config.getRequestedTokens() - remaining);
            long seconds = (missing + config.getReplenishRate() - 1) / config.getReplenishRate();
            return BudgetDecision.refused(Duration.ofSeconds(seconds));
        });
    }

    static RedisRateLimiter.Config configOf(RateLimitProperties.Limit limit) {
        Duration period = limit.refillPeriod();
        if (period.toMillis() % Duration.ofSeconds(1).toMillis() != 0) {
            throw new IllegalArgumentException("with the redis store, the refill-period of rate limit "
                    + limit.name() + " must be whole seconds");
        }
        int costPerRequest = Math.toIntExact(period.toSeconds());
        return new RedisRateLimiter.Config()
                .setReplenishRate(limit.refillTokens())
                .setRequestedTokens(costPerRequest)
                .setBurstCapacity(Math.multiplyExact(limit.capacity(), costPerRequest));
    }

    private long remaining(Map<String, String> headers) {
        String value = headers.get(remainingHeader);
        try {
            return value == null ? 0 : Math.max(0, Long.parseLong(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
