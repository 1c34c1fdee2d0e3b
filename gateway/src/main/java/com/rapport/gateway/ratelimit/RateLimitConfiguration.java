package com.rapport.gateway.ratelimit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;

/** In memory unless {@code rapport.rate-limit.store=redis}. */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration {

    @Bean
    @ConditionalOnProperty(name = "rapport.rate-limit.store", havingValue = "memory", matchIfMissing = true)
    public InMemoryRequestBudget inMemoryRequestBudget(Clock clock, RateLimitProperties properties) {
        return new InMemoryRequestBudget(clock, properties.sweepInterval());
    }

    /** Uses the RedisRateLimiter that Spring Cloud Gateway configures from {@code spring.data.redis.*}. */
    @Bean
    @ConditionalOnProperty(name = "rapport.rate-limit.store", havingValue = "redis")
    public RedisRequestBudget redisRequestBudget(RedisRateLimiter limiter, RateLimitProperties properties) {
        return new RedisRequestBudget(limiter, limiter.getRemainingHeader()).prepare(List.of(
                properties.signInPerAddress(), properties.apiPerAddress(), properties.apiPerUser()));
    }
}
