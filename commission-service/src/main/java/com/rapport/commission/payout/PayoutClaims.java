package com.rapport.commission.payout;

import com.rapport.commission.config.CommissionProperties;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which entries live batches hold: one claim document per entry, {@code _id} = entryId. The unique {@code _id} makes
 * a claim race-free on every MongoDB server: of two batches created at the same moment, only one can insert the
 * claim of an entry. Cancelling a batch deletes its claims. A claim left behind by a process that died between
 * claiming and creating its batch is recognised after {@code orphanClaimTimeout} and taken back.
 * Blocking: used on bounded-elastic and Axon threads only.
 */
@Component
public class PayoutClaims {

    static final String CLAIMS = "payout_claims";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Duration timeout;
    private final Duration orphanTimeout;
    private final int chunk;

    PayoutClaims(ReactiveMongoTemplate mongo, Clock clock, CommissionProperties properties,
                 PayoutProperties payout) {
        this.mongo = mongo;
        this.clock = clock;
        this.timeout = properties.storeTimeout();
        this.orphanTimeout = payout.orphanClaimTimeout();
        this.chunk = properties.streamBatchSize();
    }

    /** The ids among {@code entryIds} that a live batch holds (orphaned claims are released on the way). */
    public Set<String> claimedAmong(Collection<String> entryIds) {
        Set<String> claimed = new HashSet<>();
        List<String> ids = new ArrayList<>(entryIds);
        Instant orphanBefore = clock.instant().minus(orphanTimeout);
        for (int from = 0; from < ids.size(); from += chunk) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + chunk));
            List<Document> claims = mongo.find(Query.query(Criteria.where("_id").in(slice)), Document.class, CLAIMS)
                    .collectList().block(timeout);
            for (Document claim : claims == null ? List.<Document>of() : claims) {
                if (isOrphan(claim, orphanBefore)) {
                    release(claim.getString("batchId"), List.of(claim.getString("_id")));
                } else {
                    claimed.add(claim.getString("_id"));
                }
            }
        }
        return claimed;
    }

    /** Claims every entry of the line for the batch, or none of them when another batch got one first. */
    public boolean claim(String batchId, BatchLine line) {
        List<String> taken = new ArrayList<>();
        Date now = Date.from(clock.instant());
        for (String entryId : line.entryIds()) {
            try {
                mongo.insert(new Document("_id", entryId).append("batchId", batchId).append("claimedAt", now), CLAIMS)
                        .block(timeout);
                taken.add(entryId);
            } catch (DuplicateKeyException raced) {
                release(batchId, taken);
                return false;
            }
        }
        return true;
    }

    /** Records (again) that the batch holds these entries; used when its creation event is projected. */
    public void hold(String batchId, Collection<String> entryIds, Instant claimedAt) {
        for (String entryId : entryIds) {
            mongo.save(new Document("_id", entryId).append("batchId", batchId)
                    .append("claimedAt", Date.from(claimedAt)), CLAIMS).block(timeout);
        }
    }

    /** Deletes the batch's claims on these entries (and never another batch's). */
    public void release(String batchId, Collection<String> entryIds) {
        List<String> ids = new ArrayList<>(entryIds);
        for (int from = 0; from < ids.size(); from += chunk) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + chunk));
            mongo.remove(Query.query(Criteria.where("_id").in(slice).and("batchId").is(batchId)), CLAIMS)
                    .block(timeout);
        }
    }

    private boolean isOrphan(Document claim, Instant orphanBefore) {
        Date claimedAt = claim.getDate("claimedAt");
        if (claimedAt == null || !claimedAt.toInstant().isBefore(orphanBefore)) {
            return false;
        }
        Boolean batchExists = mongo.exists(Query.query(Criteria.where("_id").is(claim.getString("batchId"))),
                PayoutBatchProjection.BATCHES).block(timeout);
        return !Boolean.TRUE.equals(batchExists);
    }
}
