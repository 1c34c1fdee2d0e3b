package com.rapport.commission.ledger;

import com.rapport.commission.accrual.CommissionAccrued;
import com.rapport.commission.accrual.CommissionReversed;
import com.rapport.commission.accrual.Explanations;
import com.rapport.commission.accrual.IntroducerIdentified;
import com.rapport.commission.accrual.OverrideDeferred;
import com.rapport.commission.accrual.RateLocked;
import com.rapport.commission.accrual.ReferralStage;
import com.rapport.commission.accrual.ReferralStageChanged;
import com.rapport.commission.adjustment.AdjustmentBooked;
import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.hold.EntryHeld;
import com.rapport.commission.hold.EntryReleased;
import com.rapport.commission.payout.BatchLine;
import com.rapport.commission.payout.PayoutBatchPaid;
import com.rapport.commission.payout.PayoutLinePaid;
import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;
import com.rapport.support.axon.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Writes ledger entries and each referral's open commission as the events happen. A tracking processor: its writes
 * go out once per batch, before its token moves ({@link BatchedWrites}); REST answers wait for it
 * (ReadYourWritesCommandGateway). Runs on Axon's processor threads, where blocking is fine.
 */
@Component
@ProcessingGroup(LedgerProjection.GROUP)
public class LedgerProjection {

    public static final String GROUP = "ledger";
    static final String OPEN_COMMISSIONS = "referral_commissions";
    static final String AWAITING_PARTNER = "awaitingPartner";

    private final BatchedWrites writes;

    LedgerProjection(ReactiveMongoTemplate mongo, CommissionProperties properties) {
        this.writes = new BatchedWrites(mongo, properties.storeTimeout(), GROUP);
    }

    @EventHandler
    void on(CommissionAccrued event, @Timestamp Instant createdAt) {
        write(new LedgerEntry(event.entryId(), event.partnerId(), event.referralId(), event.role(),
                EntryType.ACCRUAL, event.amount(), event.rate(), event.basis(), event.payableAt(), createdAt,
                event.sourceEventId(), event.explanation(), event.occurredOn(), null));
        updateEarned(event.referralId(), event.role(), event.earnedSoFar());
    }

    @EventHandler
    void on(CommissionReversed event, @Timestamp Instant createdAt) {
        write(new LedgerEntry(event.entryId(), event.partnerId(), event.referralId(), event.role(),
                EntryType.REVERSAL, event.amount(), event.rate(), event.basis(), event.payableAt(), createdAt,
                event.sourceEventId(), event.explanation(), event.occurredOn(), null));
        updateEarned(event.referralId(), event.role(), event.earnedSoFar());
    }

    @EventHandler
    void on(PayoutLinePaid event, @MessageIdentifier String eventId, @Timestamp Instant createdAt) {
        write(new LedgerEntry(event.entryId(), event.partnerId(), null, null, EntryType.PAYOUT,
                event.amount().negate(), null, null, event.paidOn(), createdAt, eventId,
                "Paid out %s in batch %s (commissions payable by %s)".formatted(Explanations.amount(event.amount()),
                        event.batchId(), event.asOf()), event.paidOn(), event.batchId()));
    }

    /** Marks the entries a confirmed batch paid, so that a hold (a dispute's) on one never holds back money again. */
    @EventHandler
    void on(PayoutBatchPaid event) {
        for (BatchLine line : event.lines()) {
            writes.updateMulti(Query.query(Criteria.where("_id").in(line.entryIds())),
                    Update.update(LedgerDocuments.PAID_IN_BATCH, event.batchId()), LedgerEntryDocument.class);
        }
    }

    @EventHandler
    void on(AdjustmentBooked event, @MessageIdentifier String eventId, @Timestamp Instant createdAt) {
        write(new LedgerEntry(event.entryId(), event.partnerId(), event.referralId(), null, EntryType.ADJUSTMENT,
                event.amount(), null, null, event.bookedOn(), createdAt, eventId, adjustmentExplanation(event),
                event.bookedOn(), null));
    }

    @EventHandler
    void on(EntryHeld event) {
        writes.updateFirst(byId(event.entryId()), Update.update(LedgerDocuments.HOLD,
                new LedgerEntry.Hold(event.reason(), event.since())), LedgerEntryDocument.class);
    }

    @EventHandler
    void on(EntryReleased event) {
        writes.updateFirst(byId(event.entryId()), new Update().unset(LedgerDocuments.HOLD), LedgerEntryDocument.class);
    }

    @EventHandler
    void on(RateLocked event) {
        if (event.role() != CommissionRole.INTRODUCER) {
            return;
        }
        Money fullTarget = event.terms().fullTarget(event.contractValue());
        writes.replace(event.referralId(), new ReferralCommissionDocument(event.referralId(), event.partnerId(),
                fullTarget, Money.zero(fullTarget.currency()), ReferralStage.CONTRACTED, null));
    }

    @EventHandler
    void on(OverrideDeferred event) {
        writes.updateFirst(byId(event.referralId()), Update.update(AWAITING_PARTNER, true),
                ReferralCommissionDocument.class);
    }

    @EventHandler
    void on(IntroducerIdentified event) {
        writes.updateFirst(byId(event.referralId()), new Update().unset(AWAITING_PARTNER),
                ReferralCommissionDocument.class);
    }

    @EventHandler
    void on(ReferralStageChanged event) {
        writes.updateFirst(byId(event.referralId()), Update.update("stage", event.stage()),
                ReferralCommissionDocument.class);
    }

    /** An ADJUSTMENT is explained by its reason and who approved it (or resolved the dispute). */
    static String adjustmentExplanation(AdjustmentBooked event) {
        String who = event.adjustmentId() != null
                ? "proposed by %s, approved by %s".formatted(event.proposedBy(), event.approvedBy())
                : "resolved by %s".formatted(event.approvedBy());
        return "Adjustment of %s: %s (%s)".formatted(Explanations.amount(event.amount()), event.reason(), who);
    }

    /** Writes (or rewrites, identically) one entry. */
    private void write(LedgerEntry entry) {
        writes.replace(entry.entryId(), LedgerEntryDocument.of(entry));
    }

    private void updateEarned(String referralId, CommissionRole role, Money earnedSoFar) {
        if (role == CommissionRole.INTRODUCER) {
            writes.updateFirst(byId(referralId), Update.update("earned", earnedSoFar),
                    ReferralCommissionDocument.class);
        }
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
