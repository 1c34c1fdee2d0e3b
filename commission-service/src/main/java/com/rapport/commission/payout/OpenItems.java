package com.rapport.commission.payout;

import com.rapport.commission.accrual.CommissionAccrued;
import com.rapport.commission.accrual.CommissionReversed;
import com.rapport.commission.adjustment.AdjustmentBooked;
import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.hold.EntryHeld;
import com.rapport.commission.hold.EntryReleased;
import com.rapport.support.axon.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The entries not paid out yet (accruals, reversals and adjustments until a PAID batch holds them; {@code held}
 * while on hold): what a new batch looks at,
 * so that creating one costs the open items, not the whole history of the ledger. Tracking, like the ledger: a batch's
 * writes go out together before its token moves ({@link BatchedWrites}), one request where a rebuild sent one per
 * entry.
 */
@Component
@ProcessingGroup(PayoutBatchProjection.GROUP)
public class OpenItems {

    public static final String OPEN_ITEMS = OpenItem.COLLECTION;

    private final BatchedWrites writes;

    OpenItems(ReactiveMongoTemplate mongo, CommissionProperties properties) {
        this.writes = new BatchedWrites(mongo, properties.storeTimeout(), "open-items");
    }

    @EventHandler
    void on(CommissionAccrued event) {
        writes.replace(event.entryId(), OpenItem.of(event.entryId(), event.partnerId(), event.amount(),
                event.payableAt()));
    }

    @EventHandler
    void on(CommissionReversed event) {
        writes.replace(event.entryId(), OpenItem.of(event.entryId(), event.partnerId(), event.amount(),
                event.payableAt()));
    }

    /** An ADJUSTMENT is payable at once. */
    @EventHandler
    void on(AdjustmentBooked event) {
        writes.replace(event.entryId(), OpenItem.of(event.entryId(), event.partnerId(), event.amount(),
                event.bookedOn()));
    }

    @EventHandler
    void on(EntryHeld event) {
        writes.updateFirst(byId(event.entryId()), Update.update(PayoutClaimPlanner.HELD, true), OpenItem.class);
    }

    @EventHandler
    void on(EntryReleased event) {
        writes.updateFirst(byId(event.entryId()), new Update().unset(PayoutClaimPlanner.HELD), OpenItem.class);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    @EventHandler
    void on(PayoutBatchPaid event) {
        for (BatchLine line : event.lines()) {
            writes.remove(Query.query(Criteria.where("_id").in(line.entryIds())), OpenItem.class);
        }
    }
}
