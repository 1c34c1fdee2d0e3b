package com.rapport.notification.directory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** What {@code commission-events} told us that referral messages can use. Blocking: consumer threads only. */
@Component
public class CommissionFacts {

    private final MongoTemplate mongo;

    public CommissionFacts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void record(RateLock lock) {
        mongo.save(lock);
    }

    public void record(IntroducerCommission commission) {
        mongo.save(commission);
    }

    public Optional<RateLock> rateLockOf(String referralId) {
        return Optional.ofNullable(mongo.findById(referralId, RateLock.class));
    }

    public Optional<IntroducerCommission> introducerCommissionFrom(String sourceEventId) {
        return Optional.ofNullable(mongo.findById(sourceEventId, IntroducerCommission.class));
    }
}
