package com.rapport.gateway.ratelimit;

import org.springframework.beans.factory.DisposableBean;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets in this gateway's memory: right for one instance (the local stack); several instances would each
 * allow the full budget, so use Redis there. Buckets that have filled up again are dropped periodically, so
 * addresses seen once do not pile up.
 */
public class InMemoryRequestBudget implements RequestBudget, DisposableBean {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Disposable sweeper;

    public InMemoryRequestBudget(Clock clock, Duration sweepInterval) {
        this.clock = clock;
        this.sweeper = Schedulers.parallel().schedulePeriodically(this::sweep, sweepInterval.toMillis(),
                sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Mono<BudgetDecision> take(RateLimitProperties.Limit limit, String key) {
        long now = clock.millis();
        Bucket bucket = buckets.computeIfAbsent(limit.name() + ":" + key, k -> new Bucket(limit, now));
        return Mono.just(bucket.take(now));
    }

    /**
     * Forgets every bucket that is full again: it would behave exactly like a new one. A request racing with this
     * may spend a token from a bucket just dropped: at most one extra request, for a client that was idle anyway.
     */
    void sweep() {
        long now = clock.millis();
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }

    int size() {
        return buckets.size();
    }

    @Override
    public void destroy() {
        sweeper.dispose();
    }

    private static final class Bucket {

        private final RateLimitProperties.Limit limit;
        private double tokens;
        private long refilledAt;

        Bucket(RateLimitProperties.Limit limit, long now) {
            this.limit = limit;
            this.tokens = limit.capacity();
            this.refilledAt = now;
        }

        synchronized BudgetDecision take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return BudgetDecision.ALLOWED;
            }
            long wait = (long) Math.ceil((1 - tokens) / limit.refillPerMilli());
            return BudgetDecision.refused(Duration.ofMillis(wait));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= limit.capacity();
        }

        private void refill(long now) {
            if (now > refilledAt) {
                tokens = Math.min(limit.capacity(), tokens + (now - refilledAt) * limit.refillPerMilli());
                refilledAt = now;
            }
        }
    }
}
