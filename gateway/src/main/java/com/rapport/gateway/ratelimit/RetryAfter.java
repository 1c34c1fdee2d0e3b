package com.rapport.gateway.ratelimit;

import java.time.Duration;

/** Retry-After is in whole seconds; rounding down would invite a retry that is refused again. */
public final class RetryAfter {

    private static final long MILLIS_PER_SECOND = 1000;

    private RetryAfter() {
    }

    public static long seconds(Duration wait) {
        long millis = Math.max(0, wait.toMillis());
        return Math.max(1, (millis + MILLIS_PER_SECOND - 1) / MILLIS_PER_SECOND);
    }
}
