package com.rapport.gateway.ratelimit;

import java.time.Duration;

/** Whether a request fits its budget, and if not, how long until it would. */
public record BudgetDecision(boolean allowed, Duration retryAfter) {

    public static final BudgetDecision ALLOWED = new BudgetDecision(true, Duration.ZERO);

    public static BudgetDecision refused(Duration retryAfter) {
        return new BudgetDecision(false, retryAfter);
    }

    /** Whole seconds for the Retry-After header, rounded up, at least one. */
    public long retryAfterSeconds() {
        return RetryAfter.seconds(retryAfter);
    }
}
