package com.rapport.notification.directory;

import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import org.springframework.dao.DuplicateKeyException;
import com.rapport.notification.config.StoreProperties;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * What {@code commission-events} told us that referral messages can use. Nothing waits for it: a referral
 * notification mentions the fact if it is known when it is written, and the fact is told on its own otherwise. Which
 * of the two tells it is settled by {@link #claim}: the first notification to claim a fact has it, so it is told
 * exactly once even when both arrive at the same moment on different consumer threads. Waits for the store:
 * consumer threads only.
 */
@Component
public class CommissionFacts {

    private final ReactiveMongoTemplate mongo;
    private final Duration timeout;

    public CommissionFacts(ReactiveMongoTemplate mongo, StoreProperties store) {
        this.mongo = mongo;
        this.timeout = store.timeout();
    }

    /** Kept as first told: a redelivery changes nothing, in particular not who told it. */
    public void record(CommissionFact fact) {
        mongo.insert(fact)
                // already on file
                .onErrorResume(DuplicateKeyException.class, redelivered -> Mono.empty())
                .block(timeout);
    }

    public Optional<RateLock> rateLockOf(ReferralId referralId, PartnerId partnerId) {
        return mongo.findById(RateLock.idOf(referralId, partnerId), RateLock.class).blockOptional(timeout);
    }

    public Optional<IntroducerCommission> introducerCommissionFrom(String sourceEventId, PartnerId partnerId) {
        return mongo.findById(IntroducerCommission.idOf(sourceEventId, partnerId), IntroducerCommission.class)
                .blockOptional(timeout);
    }

    /**
     * Takes the fact for one notification (named by {@code notificationKey}); true if it is this notification's to
     * tell: nobody had taken it, or this same notification did before (a redelivery of its event).
     */
    public boolean claim(CommissionFact fact, String notificationKey) {
        Criteria untold = new Criteria().orOperator(where("toldIn").is(null), where("toldIn").is(notificationKey));
        return mongo.updateFirst(query(where("_id").is(fact.id()).andOperator(untold)),
                Update.update("toldIn", notificationKey), fact.getClass()).block(timeout).getMatchedCount() == 1;
    }
}
