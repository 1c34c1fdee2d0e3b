package com.rapport.commission.payout;

import com.rapport.commission.config.CommissionProperties;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the batches finance reads, and frees a cancelled batch's entries. Tracking, and REST answers wait for it
 * ({@code ReadYourWritesCommandGateway}): when cancel returns, the entries are already available to the next batch.
 */
@Component
@ProcessingGroup(PayoutBatchProjection.GROUP)
class PayoutBatchProjection {

    static final String GROUP = "payouts";
    static final String BATCHES = PayoutBatchDocument.COLLECTION;

    private final ReactiveMongoTemplate mongo;
    private final PayoutClaims claims;
    private final Duration timeout;

    PayoutBatchProjection(ReactiveMongoTemplate mongo, PayoutClaims claims, CommissionProperties properties) {
        this.mongo = mongo;
        this.claims = claims;
        this.timeout = properties.storeTimeout();
    }

    @EventHandler
    void on(PayoutBatchCreated event, @Timestamp Instant createdAt) {
        mongo.save(PayoutBatchDocument.opened(event.batchId(), event.asOf(), event.lines(), event.skippedLines(),
                event.createdBy(), createdAt)).block(timeout);
        // the claims were inserted before the batch was opened; re-stating them lets a replay rebuild them too
        event.lines().forEach(line -> claims.hold(event.batchId(), line.entryIds(), createdAt));
    }

    @EventHandler
    void on(PayoutBatchPaid event) {
        mongo.updateFirst(byId(event.batchId()), new Update().set("status", BatchStatus.PAID.name())
                .set("paidOn", event.paidOn().toString()), PayoutBatchDocument.class).block(timeout);
    }

    @EventHandler
    void on(PayoutBatchCancelled event) {
        mongo.updateFirst(byId(event.batchId()), Update.update("status", BatchStatus.CANCELLED.name()),
                        PayoutBatchDocument.class)
                .block(timeout);
        event.lines().forEach(line -> claims.release(event.batchId(), line.entryIds()));
    }

    @EventHandler
    void on(PayoutBatchAbandoned event) {
        claims.releaseBatch(event.batchId());
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
