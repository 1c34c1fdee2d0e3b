package com.rapport.gateway.ratelimit;

import com.rapport.testsupport.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryRequestBudgetTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final InMemoryRequestBudget budget = new InMemoryRequestBudget(clock, Duration.ofHours(1));
    private final RateLimitProperties.Limit threePerMinute =
            new RateLimitProperties.Limit(3, 1, Duration.ofSeconds(20), "test");

    @AfterEach
    void stop() {
        budget.destroy();
    }

    @Test
    void theCapacityPassesAtOnceAndTheNextRequestIsToldWhenToComeBack() {
        for (int i = 0; i < 3; i++) {
            assertThat(take("1.2.3.4").allowed()).isTrue();
        }

        BudgetDecision refused = take("1.2.3.4");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(20));
        assertThat(refused.retryAfterSeconds()).isEqualTo(20);
    }

    @Test
    void requestsComeBackAtTheRefillRate() {
        spend("1.2.3.4", 3);

        clock.advance(Duration.ofSeconds(15));
        BudgetDecision early = take("1.2.3.4");
        clock.advance(Duration.ofSeconds(5));

        assertThat(early.allowed()).isFalse();
        assertThat(early.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(take("1.2.3.4").allowed()).isTrue();
        assertThat(take("1.2.3.4").allowed()).isFalse();
    }

    @Test
    void eachKeyAndEachLimitHasItsOwnBucket() {
        spend("1.2.3.4", 3);

        assertThat(take("5.6.7.8").allowed()).isTrue();
        assertThat(budget.take(threePerMinute.named("other"), "1.2.3.4").block().allowed()).isTrue();
    }

    @Test
    void bucketsThatFilledUpAgainAreForgotten() {
        spend("1.2.3.4", 3);
        spend("5.6.7.8", 1);

        clock.advance(Duration.ofSeconds(40));
        budget.sweep();

        assertThat(budget.size()).as("5.6.7.8 is full again, 1.2.3.4 is not").isEqualTo(1);
        clock.advance(Duration.ofSeconds(20));
        budget.sweep();
        assertThat(budget.size()).isZero();
    }

    private void spend(String key, int requests) {
        for (int i = 0; i < requests; i++) {
            take(key);
        }
    }

    private BudgetDecision take(String key) {
        return budget.take(threePerMinute, key).block();
    }
}
