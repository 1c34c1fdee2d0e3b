package com.rapport.referral.referral.claim;

import com.rapport.referral.config.ReferralProperties;
import com.rapport.referral.referral.ReferralId;
import com.rapport.referral.referral.ReferredClient;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Claims in the {@code client-claims} collection, one document per key with the key as {@code _id}. Runs on command
 * threads (blocking driver). Works the same on MongoDB and on mongo-java-server: only unique {@code _id} and
 * single-document conditional updates are relied upon, no transactions.
 */
@Component
public class MongoClientClaims implements ClientClaims {

    /**
     * A key can vanish between a refused insert and the read that follows (a rolled-back claim is given back);
     * then the insert is simply tried again. Three rounds cover any such interleaving of two requests.
     */
    private static final int ATTEMPTS_PER_KEY = 3;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration window;

    public MongoClientClaims(MongoTemplate mongo, Clock clock, ReferralProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.window = properties.duplicateWindow();
    }

    @Override
    public void claim(ReferralId referralId, ReferredClient client) {
        Instant now = clock.instant();
        List<String> taken = new ArrayList<>();
        try {
            for (String key : ClientKeys.of(client)) {
                claimKey(key, referralId.value(), now);
                taken.add(key);
            }
        } catch (RuntimeException refused) {
            release(taken, referralId.value());
            throw refused;
        }
        if (CurrentUnitOfWork.isStarted()) {
            // the referral was not created after all (its events were not stored): the client is free again
            CurrentUnitOfWork.get().onRollback(unitOfWork -> release(taken, referralId.value()));
        }
    }

    @Override
    public void close(ReferralId referralId, ReferredClient client) {
        Instant now = clock.instant();
        for (String key : ClientKeys.of(client)) {
            mongo.updateFirst(Query.query(where("_id").is(key).and("referralId").is(referralId.value())),
                    Update.update("closedAt", now), ClientClaim.class);
        }
    }

    private void claimKey(String key, String referralId, Instant now) {
        for (int attempt = 0; attempt < ATTEMPTS_PER_KEY; attempt++) {
            try {
                mongo.insert(new ClientClaim(key, referralId, now, null));
                return;
            } catch (DuplicateKeyException held) {
                ClientClaim holder = mongo.findById(key, ClientClaim.class);
                if (holder == null) {
                    continue;
                }
                if (holder.referralId().equals(referralId)) {
                    return;
                }
                if (!holder.isExpired(now, window)) {
                    throw new DuplicateReferralException(window);
                }
                // take over an expired claim; of two racing takers only one still matches the old holder
                long taken = mongo.updateFirst(
                        Query.query(where("_id").is(key).and("referralId").is(holder.referralId())
                                .and("closedAt").ne(null)),
                        new Update().set("referralId", referralId).set("submittedAt", now).unset("closedAt"),
                        ClientClaim.class).getModifiedCount();
                if (taken == 1) {
                    return;
                }
            }
        }
        throw new DuplicateReferralException(window);
    }

    private void release(List<String> keys, String referralId) {
        for (String key : keys) {
            mongo.remove(Query.query(where("_id").is(key).and("referralId").is(referralId)), ClientClaim.class);
        }
    }
}
