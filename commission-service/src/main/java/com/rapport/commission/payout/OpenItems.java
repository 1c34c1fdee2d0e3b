package com.rapport.commission.payout;

import com.rapport.commission.accrual.CommissionAccrued;
import com.rapport.commission.accrual.CommissionReversed;
import com.rapport.commission.adjustment.AdjustmentBooked;
import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.hold.EntryHeld;
import com.rapport.commission.hold.EntryReleased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The entries not paid out yet (accruals, reversals and adjustments until a PAID batch holds them; {@code held}
 * while on hold): what a new batch looks at,
 * so that creating one costs the open items, not the whole history of the ledger. Subscribing, like the ledger.
 */
@Component
@ProcessingGroup(PayoutBatchProjection.GROUP)
public class OpenItems {

    public static final String OPEN_ITEMS = OpenItem.COLLECTION;

    private final ReactiveMongoTemplate mongo;
    private final Duration timeout;

    OpenItems(ReactiveMongoTemplate mongo, CommissionProperties properties) {
        this.mongo = mongo;
        this.timeout = properties.storeTimeout();
    }

    @EventHandler
    void on(CommissionAccrued event) {
        mongo.save(OpenItem.of(event.entryId(), event.partnerId(), event.amount(), event.payableAt()))
                .block(timeout);
    }

    @EventHandler
    void on(CommissionReversed event) {
        mongo.save(OpenItem.of(event.entryId(), event.partnerId(), event.amount(), event.payableAt()))
                .block(timeout);
    }

    /** An ADJUSTMENT is payable at once. */
    @EventHandler
    void on(AdjustmentBooked event) {
        mongo.save(OpenItem.of(event.entryId(), event.partnerId(), event.amount(), event.bookedOn()))
                .block(timeout);
    }

    @EventHandler
    void on(EntryHeld event) {
        mongo.updateFirst(byId(event.entryId()), Update.update(PayoutClaimPlanner.HELD, true), OpenItem.class)
                .block(timeout);
    }

    @EventHandler
    void on(EntryReleased event) {
        mongo.updateFirst(byId(event.entryId()), new Update().unset(PayoutClaimPlanner.HELD), OpenItem.class)
                .block(timeout);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    @EventHandler
    void on(PayoutBatchPaid event) {
        for (BatchLine line : event.lines()) {
            mongo.remove(Query.query(Criteria.where("_id").in(line.entryIds())), OpenItem.class).block(timeout);
        }
    }
}
