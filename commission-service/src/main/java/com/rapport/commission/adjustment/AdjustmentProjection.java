package com.rapport.commission.adjustment;

import com.rapport.support.paging.PageRequest;
import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.ledger.LedgerProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;

/** The adjustments finance lists and decides on (read model {@code adjustments}); writes are idempotent. */
@Component
@ProcessingGroup(LedgerProjection.GROUP)
public class AdjustmentProjection {

    static final String ADJUSTMENTS = "adjustments";

    private final ReactiveMongoTemplate mongo;
    private final Duration timeout;

    AdjustmentProjection(ReactiveMongoTemplate mongo, CommissionProperties properties) {
        this.mongo = mongo;
        this.timeout = properties.storeTimeout();
    }

    @EventHandler
    void on(AdjustmentProposed event, @Timestamp Instant at) {
        mongo.save(new AdjustmentView(event.adjustmentId(), event.partnerId(), event.referralId(), event.amount(),
                event.reason(), AdjustmentStatus.PROPOSED, event.proposedBy(), at, null, null, null, null))
                .block(timeout);
    }

    @EventHandler
    void on(AdjustmentApproved event, @Timestamp Instant at) {
        mongo.updateFirst(byId(event.adjustmentId()), new Update().set("status", AdjustmentStatus.APPROVED.name())
                .set("decidedBy", event.approvedBy()).set("decidedAt", at)
                .set("entryId", event.entryId()), AdjustmentView.class).block(timeout);
    }

    @EventHandler
    void on(AdjustmentRejected event, @Timestamp Instant at) {
        mongo.updateFirst(byId(event.adjustmentId()), new Update().set("status", AdjustmentStatus.REJECTED.name())
                .set("decidedBy", event.rejectedBy()).set("decidedAt", at)
                .set("decisionReason", event.reason()), AdjustmentView.class).block(timeout);
    }

    Mono<AdjustmentView> find(String adjustmentId) {
        return mongo.findById(adjustmentId, AdjustmentView.class);
    }

    Flux<AdjustmentView> list(AdjustmentStatus status, PageRequest request) {
        return mongo.find(query(status).with(Sort.by(Sort.Direction.DESC, "proposedAt")).skip(request.offset())
                .limit(request.size()), AdjustmentView.class);
    }

    Mono<Long> count(AdjustmentStatus status) {
        return mongo.count(query(status), AdjustmentView.class);
    }

    private static Query query(AdjustmentStatus status) {
        return status == null ? new Query() : Query.query(Criteria.where("status").is(status.name()));
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
