package com.rapport.commission.dispute;

import com.rapport.support.paging.PageRequest;
import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.ledger.LedgerDocuments;
import com.rapport.commission.ledger.LedgerEntry;
import com.rapport.commission.ledger.LedgerEntryDocument;
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

/**
 * Disputes as finance and partners list them (read model {@code disputes}), and each disputed ledger entry's
 * {@code disputes} list. Same processing group as the ledger, so an entry is always written before its disputes.
 */
@Component
@ProcessingGroup(LedgerProjection.GROUP)
public class DisputeProjection {

    static final String DISPUTES = "disputes";

    private final ReactiveMongoTemplate mongo;
    private final Duration timeout;

    DisputeProjection(ReactiveMongoTemplate mongo, CommissionProperties properties) {
        this.mongo = mongo;
        this.timeout = properties.storeTimeout();
    }

    @EventHandler
    void on(DisputeOpened event) {
        mongo.save(new DisputeView(event.disputeId(), event.entryId(), event.partnerId(), event.referralId(),
                DisputeView.OPEN, event.message(), event.openedBy(), event.openedAt(), null, null, null, null, null,
                null)).block(timeout);
        // once only, so that a replay does not list it twice
        mongo.updateFirst(Query.query(Criteria.where("_id").is(event.entryId())
                        .and(LedgerDocuments.DISPUTES + ".disputeId").ne(event.disputeId())),
                new Update().push(LedgerDocuments.DISPUTES, new LedgerEntry.DisputeRef(event.disputeId(),
                        DisputeView.OPEN, null, event.openedAt(), null)),
                LedgerEntryDocument.class).block(timeout);
    }

    @EventHandler
    void on(DisputeResolved event, @Timestamp Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(event.disputeId())), new Update()
                .set("status", DisputeView.RESOLVED).set("outcome", event.outcome().name())
                .set("note", event.note()).set("adjustment", event.adjustment())
                .set("adjustmentEntryId", event.adjustmentEntryId()).set("resolvedBy", event.resolvedBy())
                .set("resolvedAt", at), DisputeView.class).block(timeout);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(event.entryId())
                        .and(LedgerDocuments.DISPUTES + ".disputeId").is(event.disputeId())),
                new Update().set(LedgerDocuments.DISPUTES + ".$.status", DisputeView.RESOLVED)
                        .set(LedgerDocuments.DISPUTES + ".$.outcome", event.outcome().name())
                        .set(LedgerDocuments.DISPUTES + ".$.resolvedAt", at),
                LedgerEntryDocument.class).block(timeout);
    }

    Mono<DisputeView> find(String disputeId) {
        return mongo.findById(disputeId, DisputeView.class);
    }

    Flux<DisputeView> list(String partnerId, String status, PageRequest request) {
        return mongo.find(query(partnerId, status).with(Sort.by(Sort.Direction.DESC, "openedAt"))
                .skip(request.offset()).limit(request.size()), DisputeView.class);
    }

    Mono<Long> count(String partnerId, String status) {
        return mongo.count(query(partnerId, status), DisputeView.class);
    }

    private static Query query(String partnerId, String status) {
        Criteria criteria = new Criteria();
        if (partnerId != null) {
            criteria = criteria.and("partnerId").is(partnerId);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        return Query.query(criteria);
    }

}
