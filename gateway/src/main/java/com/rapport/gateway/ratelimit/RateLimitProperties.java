package com.rapport.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code rapport.rate-limit.*}: request budgets per client address on the sign-in endpoints, and per address and per
 * user on {@code /api/**}. Each is a token bucket: {@code capacity} requests at once, then {@code refillTokens} more
 * every {@code refillPeriod}. {@code store} is {@code memory} (one gateway instance) or {@code redis} (Spring Cloud
 * Gateway's RedisRateLimiter, shared by every instance; needs {@code spring.data.redis.*}).
 * {@code trustedProxies}: how many proxies in front of the gateway append to X-Forwarded-For (0: the connection's
 * own address is the client's; never trust the header more than the proxies you run).
 */
@ConfigurationProperties("rapport.rate-limit")
public record RateLimitProperties(boolean enabled, Store store, int trustedProxies, Duration sweepInterval,
                                  Limit signInPerAddress, Limit apiPerAddress, Limit apiPerUser) {

    public RateLimitProperties {
        signInPerAddress = signInPerAddress.named("sign-in-per-address");
        apiPerAddress = apiPerAddress.named("api-per-address");
        apiPerUser = apiPerUser.named("api-per-user");
    }

    public enum Store { MEMORY, REDIS }

    /** A token bucket; the name (from the property) keeps the buckets of different limits apart. */
    public record Limit(int capacity, int refillTokens, Duration refillPeriod, String name) {

        public Limit {
            if (capacity < 1 || refillTokens < 1 || refillPeriod == null || refillPeriod.isNegative()
                    || refillPeriod.isZero()) {
                throw new IllegalArgumentException(
                        "a rate limit needs capacity >= 1, refill-tokens >= 1 and a positive refill-period");
            }
        }

        public Limit named(String limitName) {
            return new Limit(capacity, refillTokens, refillPeriod, limitName);
        }

        /** Requests regained per millisecond. */
        double refillPerMilli() {
            return refillTokens / (double) refillPeriod.toMillis();
        }
    }
}
