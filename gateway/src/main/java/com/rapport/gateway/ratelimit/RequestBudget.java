package com.rapport.gateway.ratelimit;

import reactor.core.publisher.Mono;

/** Where request budgets are kept: in this gateway's memory, or in Redis for all instances. */
public interface RequestBudget {

    /** Takes one request from {@code key}'s bucket under {@code limit}. */
    Mono<BudgetDecision> take(RateLimitProperties.Limit limit, String key);
}
