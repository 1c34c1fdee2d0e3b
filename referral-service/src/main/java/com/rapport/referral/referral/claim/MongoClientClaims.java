package com.rapport.referral.referral.claim;

import com.mongodb.client.result.UpdateResult;
import com.rapport.referral.config.ReferralProperties;
import com.rapport.support.id.ReferralId;
import com.rapport.referral.referral.ReferredClient;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
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
 * Claims in the {@code client-claims} collection, one document per key with the key as {@code _id}. Works the same on
 * MongoDB and on mongo-java-server: only unique {@code _id} and single-document conditional updates are relied upon,
 * no transactions. Each store call is awaited (up to {@code store-timeout}) one after the other, as the rules below
 * need every answer before the next step: callers are bounded-elastic and Axon threads, never an event loop.
 */
@Component
public class MongoClientClaims implements ClientClaims {

    /**
     * A key can vanish between a refused insert and the read that follows (a released claim is given back);
     * then the insert is simply tried again. Three rounds cover any such interleaving of two requests.
     */
    private static final int ATTEMPTS_PER_KEY = 3;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Duration timeout;
    private final Duration window;
    private final Duration staleClaimGrace;
    private final StoredReferrals storedReferrals;

    public MongoClientClaims(ReactiveMongoTemplate mongo, Clock clock, ReferralProperties properties,
                             StoredReferrals storedReferrals) {
        this.mongo = mongo;
        this.clock = clock;
        this.timeout = properties.storeTimeout();
        this.window = properties.duplicateWindow();
        this.staleClaimGrace = properties.staleClaimGrace();
        this.storedReferrals = storedReferrals;
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
    }

    @Override
    public void release(ReferralId referralId, ReferredClient client) {
        release(ClientKeys.of(client), referralId.value());
    }

    @Override
    public void close(ReferralId referralId, ReferredClient client) {
        Instant now = clock.instant();
        for (String key : ClientKeys.of(client)) {
            mongo.updateFirst(Query.query(where("_id").is(key).and("referralId").is(referralId.value())),
                    Update.update("closedAt", now), ClientClaim.class).block(timeout);
        }
    }

    @Override
    public HandOver handOver(ReferralId from, ReferralId to, ReferredClient client) {
        Instant now = clock.instant();
        List<ClientClaim> before = new ArrayList<>();
        for (String key : ClientKeys.of(client)) {
            ClientClaim previous = mongo.findAndModify(
                    Query.query(where("_id").is(key).and("referralId").is(from.value())),
                    new Update().set("referralId", to.value()).set("submittedAt", now).unset("closedAt"),
                    ClientClaim.class).block(timeout);
            if (previous != null) {
                before.add(previous);
            }
            // a key held by another referral (the window of `from` ended and the client was referred anew) stays so
        }
        return new HandOver(from, to, before);
    }

    @Override
    public void giveBack(HandOver handOver) {
        for (ClientClaim previous : handOver.previous()) {
            Update back = new Update().set("referralId", previous.referralId())
                    .set("submittedAt", previous.submittedAt());
            // only while the follow-on still holds it as it was handed
            mongo.updateFirst(Query.query(where("_id").is(previous.key()).and("referralId")
                            .is(handOver.to().value())),
                    previous.closedAt() == null ? back.unset("closedAt") : back.set("closedAt", previous.closedAt()),
                    ClientClaim.class).block(timeout);
        }
    }

    private void claimKey(String key, String referralId, Instant now) {
        for (int attempt = 0; attempt < ATTEMPTS_PER_KEY; attempt++) {
            try {
                mongo.insert(new ClientClaim(key, referralId, now, null)).block(timeout);
                return;
            } catch (DuplicateKeyException held) {
                ClientClaim holder = mongo.findById(key, ClientClaim.class).block(timeout);
                if (holder == null) {
                    continue;
                }
                if (holder.referralId().equals(referralId)) {
                    return;
                }
                if (!holder.isExpired(now, window) && !isLeftByACrash(holder, now)) {
                    throw new DuplicateReferralException(window);
                }
                // take over the claim as it was judged; of two racing takers only one still matches it
                UpdateResult taken = mongo.updateFirst(
                        Query.query(where("_id").is(key).and("referralId").is(holder.referralId())
                                .and("submittedAt").is(holder.submittedAt())),
                        new Update().set("referralId", referralId).set("submittedAt", now).unset("closedAt"),
                        ClientClaim.class).block(timeout);
                if (taken != null && taken.getModifiedCount() == 1) {
                    return;
                }
            }
        }
        throw new DuplicateReferralException(window);
    }

    /**
     * An open claim whose referral is still not in the event store after the grace period: the submission that took
     * it died before storing the referral (a refused one gives its claims back itself).
     */
    private boolean isLeftByACrash(ClientClaim holder, Instant now) {
        return holder.closedAt() == null && !holder.submittedAt().plus(staleClaimGrace).isAfter(now)
                && !storedReferrals.exists(new ReferralId(holder.referralId()));
    }

    private void release(List<String> keys, String referralId) {
        for (String key : keys) {
            mongo.remove(Query.query(where("_id").is(key).and("referralId").is(referralId)), ClientClaim.class)
                    .block(timeout);
        }
    }
}
