package com.rapport.notification.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(60));

    @Test
    void delaysDoubleFromTheFirstBackoffUpToTheCap() {
        RandomGenerator noJitter = fixed(1.0);

        assertThat(policy.delayAfter(1, noJitter)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(2, noJitter)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delayAfter(3, noJitter)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.delayAfter(6, noJitter)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.delayAfter(60, noJitter)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void jitterTakesUpToHalfOfEachDelayAway() {
        assertThat(policy.delayAfter(3, fixed(0.0))).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delayAfter(3, fixed(0.5))).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void theLastAttemptIsTheLimit() {
        assertThat(policy.isExhaustedAfter(4)).isFalse();
        assertThat(policy.isExhaustedAfter(5)).isTrue();
    }

    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
