package com.rapport.gateway.ratelimit;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a budget is expressed to Spring Cloud Gateway's RedisRateLimiter and how its answer becomes a Retry-After.
 * The limiter itself needs a Redis server; here a recording stand-in answers as it would.
 */
class RedisRequestBudgetTest {

    private static final String REMAINING = RedisRateLimiter.REMAINING_HEADER;

    @Test
    void aBudgetPerMinuteBecomesTokensPerSecondWithACostPerRequest() {
        RedisRateLimiter.Config config = RedisRequestBudget.configOf(
                new RateLimitProperties.Limit(5, 1, Duration.ofMinutes(1), "sign-in"));

        assertThat(config.getReplenishRate()).isEqualTo(1);
        assertThat(config.getRequestedTokens()).isEqualTo(60);
        assertThat(config.getBurstCapacity()).isEqualTo(300);
    }

    @Test
    void aBudgetPerSecondIsTheLimitersOwnShape() {
        RedisRateLimiter.Config config = RedisRequestBudget.configOf(
                new RateLimitProperties.Limit(200, 100, Duration.ofSeconds(1), "api"));

        assertThat(config.getReplenishRate()).isEqualTo(100);
        assertThat(config.getRequestedTokens()).isEqualTo(1);
        assertThat(config.getBurstCapacity()).isEqualTo(200);
    }

    @Test
    void aRefillPeriodRedisCannotCountIsRefusedAtStart() {
        assertThatThrownBy(() -> RedisRequestBudget.configOf(
                new RateLimitProperties.Limit(5, 1, Duration.ofMillis(1500), "odd")))
                .hasMessageContaining("whole seconds");
    }

    @Test
    void aRefusalWaitsUntilEnoughTokensHaveComeBack() {
        StandInLimiter limiter = new StandInLimiter(false, 20);
        RedisRequestBudget budget = new RedisRequestBudget(limiter, REMAINING)
                .prepare(List.of(new RateLimitProperties.Limit(5, 1, Duration.ofMinutes(1), "sign-in")));

        BudgetDecision decision = budget.take(limiter.limit, "1.2.3.4").block();

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.retryAfter()).isEqualTo(Duration.ofSeconds(40));
        assertThat(limiter.askedFor).isEqualTo("sign-in:1.2.3.4");
    }

    @Test
    void anAllowedRequestPasses() {
        StandInLimiter limiter = new StandInLimiter(true, 100);
        RedisRequestBudget budget = new RedisRequestBudget(limiter, REMAINING)
                .prepare(List.of(limiter.limit));

        assertThat(budget.take(limiter.limit, "alice").block().allowed()).isTrue();
    }

    /** Answers like RedisRateLimiter: allowed or not, and the tokens left in the remaining header. */
    private static final class StandInLimiter implements RateLimiter<RedisRateLimiter.Config> {

        final RateLimitProperties.Limit limit = new RateLimitProperties.Limit(5, 1, Duration.ofMinutes(1),
                "sign-in");
        private final Map<String, RedisRateLimiter.Config> config = new HashMap<>();
        private final boolean allowed;
        private final long remaining;
        String askedFor;

        StandInLimiter(boolean allowed, long remaining) {
            this.allowed = allowed;
            this.remaining = remaining;
        }

        @Override
        public Mono<Response> isAllowed(String routeId, String id) {
            assertThat(config).containsKey(routeId);
            askedFor = id;
            return Mono.just(new Response(allowed, Map.of(REMAINING, String.valueOf(remaining))));
        }

        @Override
        public Map<String, RedisRateLimiter.Config> getConfig() {
            return config;
        }

        @Override
        public Class<RedisRateLimiter.Config> getConfigClass() {
            return RedisRateLimiter.Config.class;
        }

        @Override
        public RedisRateLimiter.Config newConfig() {
            return new RedisRateLimiter.Config();
        }
    }
}
