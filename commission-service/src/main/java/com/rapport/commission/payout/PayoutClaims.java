package com.rapport.commission.payout;

import com.rapport.commission.config.CommissionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which entries live batches hold: one claim document per entry, {@code _id} = entryId. A claim is only ever
 * inserted if absent, never overwritten, so of two batches (on any number of instances) only one can hold an entry.
 * A claim is deleted only when its batch is known not to hold it: CANCELLED, or ABANDONED (settled through the
 * batch's aggregate, so a late "open" can no longer happen). A claim older than {@code orphanClaimTimeout} whose
 * batch is not OPEN or PAID in the read model is settled that way, never merely because the read model lacks it.
 * Blocking: used on bounded-elastic and Axon threads only.
 */
@Component
public class PayoutClaims implements BatchClaims {

    static final String CLAIMS = PayoutClaim.COLLECTION;
    private static final Logger LOG = LoggerFactory.getLogger(PayoutClaims.class);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final BatchFates fates;
    private final Duration timeout;
    private final Duration orphanTimeout;
    private final int chunk;

    PayoutClaims(ReactiveMongoTemplate mongo, Clock clock, CommissionProperties properties,
                 PayoutProperties payout, BatchFates fates) {
        this.mongo = mongo;
        this.clock = clock;
        this.fates = fates;
        this.timeout = properties.storeTimeout();
        this.orphanTimeout = payout.orphanClaimTimeout();
        this.chunk = properties.streamBatchSize();
    }

    /** The ids among {@code entryIds} that a batch holds (claims of batches settled as never opened go back). */
    public Set<String> claimedAmong(Collection<String> entryIds) {
        Set<String> claimed = new HashSet<>();
        List<String> ids = new ArrayList<>(entryIds);
        Instant orphanBefore = clock.instant().minus(orphanTimeout);
        Map<String, Boolean> liveBatches = new HashMap<>();
        for (int from = 0; from < ids.size(); from += chunk) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + chunk));
            for (PayoutClaim claim : find(Criteria.where("_id").in(slice))) {
                String batchId = claim.batchId();
                if (claim.isOlderThan(orphanBefore) && !liveBatches.computeIfAbsent(batchId, this::stillHolds)) {
                    continue;
                }
                claimed.add(claim.entryId());
            }
        }
        return claimed;
    }

    /** Claims every entry of the line for the batch, or none of them when another batch got one first. */
    public boolean claim(String batchId, BatchLine line) {
        List<String> taken = new ArrayList<>();
        for (String entryId : line.entryIds()) {
            if (insertIfAbsent(batchId, entryId, clock.instant()) != null) {
                release(batchId, taken);
                return false;
            }
            taken.add(entryId);
        }
        return true;
    }

    /**
     * Records (again) that the batch holds these entries, when its creation event is projected: insert-if-absent,
     * so a replay rebuilds the claims and a claim another batch holds is never taken over.
     */
    public void hold(String batchId, Collection<String> entryIds, Instant claimedAt) {
        for (String entryId : entryIds) {
            String holder = insertIfAbsent(batchId, entryId, claimedAt);
            if (holder != null && !holder.equals(batchId)) {
                LOG.warn("batch {} lists entry {}, which batch {} holds; the claim stays with {}", batchId, entryId,
                        holder, holder);
            }
        }
    }

    @Override
    public List<String> heldByOtherBatches(String batchId, Collection<String> entryIds) {
        List<String> elsewhere = new ArrayList<>();
        for (String entryId : entryIds) {
            String holder = insertIfAbsent(batchId, entryId, clock.instant());
            if (holder != null && !holder.equals(batchId)) {
                elsewhere.add(entryId);
            }
        }
        return elsewhere;
    }

    /** Deletes the batch's claims on these entries (and never another batch's). */
    public void release(String batchId, Collection<String> entryIds) {
        List<String> ids = new ArrayList<>(entryIds);
        for (int from = 0; from < ids.size(); from += chunk) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + chunk));
            mongo.remove(Query.query(Criteria.where("_id").in(slice).and("batchId").is(batchId)),
                    PayoutClaim.class).block(timeout);
        }
    }

    /** Deletes every claim of a batch known to hold nothing (CANCELLED or ABANDONED). */
    public void releaseBatch(String batchId) {
        mongo.remove(Query.query(Criteria.where("batchId").is(batchId)), PayoutClaim.class).block(timeout);
    }

    /**
     * Settles a batch whose opening is in doubt and gives its claims back when it is known never to have opened
     * (or to be cancelled). Answers whether the claims went back; false when the batch holds them (it opened after
     * all), and an exception when its fate cannot be known yet (the claims stay).
     */
    public boolean releaseIfNeverOpened(String batchId) {
        BatchStatus status = fates.settle(batchId);
        if (status.holdsEntries()) {
            return false;
        }
        releaseBatch(batchId);
        return true;
    }

    /** An entry's claim, or null: insert-if-absent; answers the holder when another claim was there first. */
    private String insertIfAbsent(String batchId, String entryId, Instant claimedAt) {
        try {
            mongo.insert(new PayoutClaim(entryId, batchId, claimedAt)).block(timeout);
            return null;
        } catch (DuplicateKeyException taken) {
            PayoutClaim existing = mongo.findById(entryId, PayoutClaim.class).block(timeout);
            if (existing == null) {
                // released in between: try once more (a claim is never overwritten, only inserted)
                return insertIfAbsent(batchId, entryId, claimedAt);
            }
            String holder = existing.batchId();
            return holder.equals(batchId) ? null : holder;
        }
    }

    private List<PayoutClaim> find(Criteria criteria) {
        List<PayoutClaim> found = mongo.find(Query.query(criteria), PayoutClaim.class).collectList().block(timeout);
        return found == null ? List.of() : found;
    }

    /** Whether an old claim's batch still holds it; settles the batch when the read model does not say so. */
    private boolean stillHolds(String batchId) {
        PayoutBatchDocument batch = mongo.findById(batchId, PayoutBatchDocument.class).block(timeout);
        if (batch != null && batch.status().holdsEntries()) {
            return true;
        }
        try {
            return !releaseIfNeverOpened(batchId);
        } catch (RuntimeException unknown) {
            LOG.warn("claims of batch {} kept: {}", batchId, unknown.getMessage());
            return true;
        }
    }
}
