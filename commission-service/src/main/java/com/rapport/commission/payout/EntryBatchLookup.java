package com.rapport.commission.payout;

import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.hold.EntryBatches;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The claim register as a hold sees it: an entry claimed by an OPEN batch, or by a PAID one (claims of paid batches
 * are kept for good), is held by that batch. Asked by finance's hold before its command; blocking: bounded-elastic
 * threads only.
 */
@Component
class EntryBatchLookup implements EntryBatches {

    private final ReactiveMongoTemplate mongo;
    private final PayoutClaims claims;
    private final Duration timeout;

    EntryBatchLookup(ReactiveMongoTemplate mongo, PayoutClaims claims, CommissionProperties properties) {
        this.mongo = mongo;
        this.claims = claims;
        this.timeout = properties.storeTimeout();
    }

    @Override
    public Optional<Batch> batchOf(String entryId) {
        // claimedAmong gives back the claims of batches settled as never opened
        if (claims.claimedAmong(List.of(entryId)).isEmpty()) {
            return Optional.empty();
        }
        PayoutClaim claim = mongo.findById(entryId, PayoutClaim.class).block(timeout);
        if (claim == null) {
            return Optional.empty();
        }
        String batchId = claim.batchId();
        PayoutBatchDocument batch = mongo.findById(batchId, PayoutBatchDocument.class).block(timeout);
        if (batch != null && batch.status() == BatchStatus.CANCELLED) {
            return Optional.empty();
        }
        return Optional.of(new Batch(batchId, batch != null && batch.status() == BatchStatus.PAID));
    }
}
