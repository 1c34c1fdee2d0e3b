package com.rapport.notification.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently a channel tries again: exponential backoff from {@code initialBackoff}, capped at
 * {@code maxBackoff}, with jitter so that many deliveries failing together do not all come back at the same instant;
 * after {@code maxAttempts} attempts the delivery is FAILED.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** Equal jitter: half of each delay is fixed, the other half random. */
    private static final double RANDOM_SHARE = 0.5;
    private static final double GROWTH = 2.0;

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must be positive and maxBackoff >= initialBackoff");
        }
    }

    public boolean isExhaustedAfter(int attempts) {
        return attempts >= maxAttempts;
    }

    /** The wait before attempt {@code failedAttempts + 1}. */
    public Duration delayAfter(int failedAttempts, RandomGenerator random) {
        double exponential = initialBackoff.toMillis() * Math.pow(GROWTH, Math.max(0, failedAttempts - 1));
        double capped = Math.min(exponential, maxBackoff.toMillis());
        double jittered = capped * (1 - RANDOM_SHARE) + capped * RANDOM_SHARE * random.nextDouble();
        return Duration.ofMillis(Math.round(jittered));
    }
}
