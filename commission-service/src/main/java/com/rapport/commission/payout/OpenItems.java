package com.rapport.commission.payout;

import com.rapport.commission.accrual.AccrualEvents.CommissionAccrued;
import com.rapport.commission.accrual.AccrualEvents.CommissionReversed;
import com.rapport.commission.adjustment.AdjustmentEvents.AdjustmentBooked;
import com.rapport.commission.hold.HoldEvents.EntryHeld;
import com.rapport.commission.hold.HoldEvents.EntryReleased;
import com.rapport.commission.config.BsonValues;
import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.payout.PayoutEvents.PayoutBatchPaid;
import com.rapport.events.money.Money;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDate;

/**
 * The entries not paid out yet (accruals, reversals and adjustments until a PAID batch holds them; {@code held}
 * while on hold): what a new batch looks at,
 * so that creating one costs the open items, not the whole history of the ledger. Subscribing, like the ledger.
 */
@Component
@ProcessingGroup(PayoutBatchProjection.GROUP)
public class OpenItems {

    public static final String OPEN_ITEMS = "open_items";

    private final ReactiveMongoTemplate mongo;
    private final Duration timeout;

    OpenItems(ReactiveMongoTemplate mongo, CommissionProperties properties) {
        this.mongo = mongo;
        this.timeout = properties.storeTimeout();
    }

    public static Document document(String entryId, String partnerId, Money amount, LocalDate payableAt) {
        return new Document("_id", entryId).append("partnerId", partnerId)
                .append("amount", BsonValues.money(amount)).append("payableAt", BsonValues.date(payableAt));
    }

    @EventHandler
    void on(CommissionAccrued event) {
        mongo.save(document(event.entryId(), event.partnerId(), event.amount(), event.payableAt()), OPEN_ITEMS)
                .block(timeout);
    }

    @EventHandler
    void on(CommissionReversed event) {
        mongo.save(document(event.entryId(), event.partnerId(), event.amount(), event.payableAt()), OPEN_ITEMS)
                .block(timeout);
    }

    /** An ADJUSTMENT is payable at once. */
    @EventHandler
    void on(AdjustmentBooked event) {
        mongo.save(document(event.entryId(), event.partnerId(), event.amount(), event.bookedOn()), OPEN_ITEMS)
                .block(timeout);
    }

    @EventHandler
    void on(EntryHeld event) {
        mongo.updateFirst(byId(event.entryId()), Update.update(PayoutClaimPlanner.HELD, true), OPEN_ITEMS)
                .block(timeout);
    }

    @EventHandler
    void on(EntryReleased event) {
        mongo.updateFirst(byId(event.entryId()), new Update().unset(PayoutClaimPlanner.HELD), OPEN_ITEMS)
                .block(timeout);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    @EventHandler
    void on(PayoutBatchPaid event) {
        for (BatchLine line : event.lines()) {
            mongo.remove(Query.query(Criteria.where("_id").in(line.entryIds())), OPEN_ITEMS).block(timeout);
        }
    }
}
