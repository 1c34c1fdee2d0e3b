package com.rapport.gateway.ratelimit;

import com.rapport.testsupport.FreePorts;
import com.rapport.testsupport.RedisServerHandle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.autoconfigure.data.redis.RedisReactiveAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.validation.Validator;
import org.springframework.util.ClassUtils;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 13: with {@code store: redis} every gateway instance draws on one budget. Two gateway contexts, each wired
 * exactly as the gateway is (Spring Boot's Redis auto-configuration from {@code spring.data.redis.*}, Spring Cloud
 * Gateway's RedisRateLimiter and its Lua script, our {@link RateLimitConfiguration}), against one real
 * {@code redis-server}. Skipped, saying so, only where the binary is not installed.
 */
class SharedRedisBudgetTest {

    /** Spring Cloud Gateway's own Redis set-up (package-private there): the RedisRateLimiter and its script. */
    private static final Class<?> GATEWAY_REDIS = ClassUtils.resolveClassName(
            "org.springframework.cloud.gateway.config.GatewayRedisAutoConfiguration", null);

    private static RedisServerHandle redis;

    @BeforeAll
    static void realRedis() {
        assumeTrue(RedisServerHandle.isInstalled(), RedisServerHandle.MISSING);
        redis = RedisServerHandle.shared().orElseThrow();
    }

    @Test
    void twoGatewaysShareOneBudgetPerAddress() {
        String address = "203.0.113." + UUID.randomUUID();

        gateway(redis.port()).run(first -> gateway(redis.port()).run(second -> {
            RequestBudget one = budgetOf(first);
            RequestBudget other = budgetOf(second);
            assertThat(one).isNotSameAs(other);
            RateLimitProperties.Limit signIn = limitsOf(first).signInPerAddress();

            List<BudgetDecision> decisions = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                decisions.add((i % 2 == 0 ? one : other).take(signIn, address).block());
            }
            assertThat(decisions).as("4 requests, 2 through each gateway, fit the one budget of 4")
                    .allMatch(BudgetDecision::allowed);

            BudgetDecision fifthHere = one.take(signIn, address).block();
            BudgetDecision fifthThere = other.take(signIn, address).block();
            assertThat(fifthHere.allowed()).isFalse();
            assertThat(fifthThere.allowed()).as("the other gateway knows the budget is spent").isFalse();
            assertThat(fifthThere.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofMinutes(1));
        }));
    }

    @Test
    void eachAddressHasItsOwnBudgetAndEachLimitItsOwnBucket() {
        String spent = "198.51.100." + UUID.randomUUID();
        String fresh = "198.51.100." + UUID.randomUUID();

        gateway(redis.port()).run(first -> gateway(redis.port()).run(second -> {
            RateLimitProperties limits = limitsOf(first);
            for (int i = 0; i < 4; i++) {
                budgetOf(first).take(limits.signInPerAddress(), spent).block();
            }
            assertThat(budgetOf(second).take(limits.signInPerAddress(), spent).block().allowed()).isFalse();

            assertThat(budgetOf(second).take(limits.signInPerAddress(), fresh).block().allowed()).isTrue();
            assertThat(budgetOf(second).take(limits.apiPerAddress(), spent).block().allowed()).isTrue();
        }));
    }

    @Test
    void aSpentBudgetRefillsForBothGateways() throws InterruptedException {
        String user = "alice-" + UUID.randomUUID();

        gateway(redis.port()).run(first -> gateway(redis.port()).run(second -> {
            RateLimitProperties.Limit perUser = limitsOf(first).apiPerUser();
            assertThat(budgetOf(first).take(perUser, user).block().allowed()).isTrue();
            assertThat(budgetOf(second).take(perUser, user).block().allowed()).isTrue();
            assertThat(budgetOf(first).take(perUser, user).block().allowed()).isFalse();

            // 2 per second come back (Redis's own clock): a little over a second later both may go on
            Thread.sleep(1_200);
            assertThat(budgetOf(second).take(perUser, user).block().allowed()).isTrue();
        }));
    }

    @Test
    void requestsPassWhenRedisCannotBeReached() {
        int nobodyListens = FreePorts.next();

        gateway(nobodyListens).run(context -> {
            RateLimitProperties.Limit signIn = limitsOf(context).signInPerAddress();
            for (int i = 0; i < 6; i++) {
                assertThat(budgetOf(context).take(signIn, "192.0.2.1").block(Duration.ofSeconds(30)).allowed())
                        .isTrue();
            }
        });
    }

    private static ApplicationContextRunner gateway(int redisPort) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RedisAutoConfiguration.class,
                        RedisReactiveAutoConfiguration.class, GATEWAY_REDIS))
                .withUserConfiguration(Properties.class, RateLimitConfiguration.class)
                .withBean(Clock.class, Clock::systemUTC)
                .withPropertyValues(
                        "spring.data.redis.host=127.0.0.1",
                        "spring.data.redis.port=" + redisPort,
                        "spring.data.redis.timeout=5s",
                        "rapport.rate-limit.enabled=true",
                        "rapport.rate-limit.store=redis",
                        "rapport.rate-limit.sweep-interval=1m",
                        "rapport.rate-limit.sign-in-per-address.capacity=4",
                        "rapport.rate-limit.sign-in-per-address.refill-tokens=1",
                        "rapport.rate-limit.sign-in-per-address.refill-period=1m",
                        "rapport.rate-limit.api-per-address.capacity=600",
                        "rapport.rate-limit.api-per-address.refill-tokens=300",
                        "rapport.rate-limit.api-per-address.refill-period=1s",
                        "rapport.rate-limit.api-per-user.capacity=2",
                        "rapport.rate-limit.api-per-user.refill-tokens=2",
                        "rapport.rate-limit.api-per-user.refill-period=1s");
    }

    private static RequestBudget budgetOf(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed().hasSingleBean(RedisRequestBudget.class);
        return context.getBean(RequestBudget.class);
    }

    private static RateLimitProperties limitsOf(AssertableApplicationContext context) {
        return context.getBean(RateLimitProperties.class);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RateLimitProperties.class)
    static class Properties {

        /** What Spring Cloud Gateway's main auto-configuration would give its RedisRateLimiter. */
        @Bean
        ConfigurationService configurationService(BeanFactory beans, ObjectProvider<ConversionService> conversion,
                                                  ObjectProvider<Validator> validator) {
            return new ConfigurationService(beans, conversion, validator);
        }
    }
}
