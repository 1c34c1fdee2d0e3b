package com.rapport.gateway.ratelimit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Budgets live in memory unless Redis is configured; then Spring Cloud Gateway's RedisRateLimiter keeps them. */
class RateLimitStoreSelectionTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, RateLimitConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC)
            .withPropertyValues(
                    "rapport.rate-limit.enabled=true",
                    "rapport.rate-limit.sweep-interval=1m",
                    "rapport.rate-limit.sign-in-per-address.capacity=30",
                    "rapport.rate-limit.sign-in-per-address.refill-tokens=30",
                    "rapport.rate-limit.sign-in-per-address.refill-period=1m",
                    "rapport.rate-limit.api-per-address.capacity=600",
                    "rapport.rate-limit.api-per-address.refill-tokens=300",
                    "rapport.rate-limit.api-per-address.refill-period=1s",
                    "rapport.rate-limit.api-per-user.capacity=200",
                    "rapport.rate-limit.api-per-user.refill-tokens=100",
                    "rapport.rate-limit.api-per-user.refill-period=1s");

    @Test
    void budgetsAreInMemoryByDefault() {
        context.run(started -> assertThat(started)
                .hasSingleBean(RequestBudget.class)
                .hasSingleBean(InMemoryRequestBudget.class));
    }

    @Test
    void withTheRedisStoreTheGatewaysRedisRateLimiterKeepsThem() {
        context.withPropertyValues("rapport.rate-limit.store=redis")
                .withBean(RedisRateLimiter.class, RateLimitStoreSelectionTest::limiterOfAnUnreachedRedis)
                .run(started -> {
                    assertThat(started).hasSingleBean(RequestBudget.class).hasSingleBean(RedisRequestBudget.class);
                    assertThat(started.getBean(RedisRateLimiter.class).getConfig())
                            .containsKeys("sign-in-per-address", "api-per-address", "api-per-user");
                });
    }

    /** Built as Spring Cloud Gateway builds it; nothing connects to Redis until a request is counted. */
    private static RedisRateLimiter limiterOfAnUnreachedRedis() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        RedisScript<List<Long>> script = (RedisScript) RedisScript.of("return {1, 1}", List.class);
        return new RedisRateLimiter(new ReactiveStringRedisTemplate(new LettuceConnectionFactory()), script, null);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RateLimitProperties.class)
    static class Properties {
    }
}
