package com.rapport.commission.hold;

import com.rapport.commission.adjustment.AdjustmentBooked;
import com.rapport.commission.dispute.DisputeOpened;
import com.rapport.commission.dispute.DisputeOutcome;
import com.rapport.commission.dispute.DisputeResolved;
import com.rapport.commission.dispute.OpenDispute;
import com.rapport.commission.dispute.ResolveDispute;
import com.rapport.support.domain.CommandRefused;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import com.rapport.support.problem.ProblemTypes;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The holds on one ledger entry (aggregate id = entryId): finance's own hold and the disputes opened on it. The
 * entry is held while finance holds it or any dispute is open; {@link EntryHeld} and {@link EntryReleased} mark
 * the changes. Finance's release never lifts a dispute's hold (409 {@code dispute-open}); resolving the last open
 * dispute lifts the hold unless finance holds the entry too. An upheld dispute may book an ADJUSTMENT entry at once
 * (the resolution is the second pair of eyes). Repeated steps are answered as success and change nothing. Finance
 * cannot hold an entry that a payout batch paid or claimed (409): holding it would keep nothing out of a batch. Which
 * batch has the entry is looked up before the command ({@link FinanceHolds}) and travels in it: the aggregate does no
 * I/O.
 */
@Aggregate
public class EntryHold {

    /** 409 slugs (DECISIONS.md, month end): finance cannot hold an entry a payout batch paid or claimed. */
    public static final String ENTRY_ALREADY_PAID = "entry-already-paid";
    public static final String ENTRY_IN_OPEN_BATCH = "entry-in-open-batch";

    @AggregateIdentifier
    private String entryId;
    private PartnerId partnerId;
    private ReferralId referralId;
    private boolean financeHold;
    private final Set<String> openDisputes = new LinkedHashSet<>();
    private final Map<String, DisputeOutcome> resolved = new HashMap<>();

    protected EntryHold() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(HoldEntry command) {
        if (financeHold) {
            return;
        }
        // a hold keeps an entry out of batches to come; one a batch paid or claimed is beyond its reach
        EntryBatches.Batch batch = command.payoutBatch();
        if (batch != null && batch.paid()) {
            throw CommandRefused.conflict(ENTRY_ALREADY_PAID, "Entry already paid",
                    "entry %s was paid out in batch %s; correct it with an adjustment".formatted(
                            command.entryId(), batch.batchId()));
        }
        if (batch != null) {
            throw CommandRefused.conflict(ENTRY_IN_OPEN_BATCH, "Entry in an open batch",
                    "entry %s is in open payout batch %s; cancel the batch to hold it".formatted(
                            command.entryId(), batch.batchId()));
        }
        apply(new EntryHeld(command.entryId(), command.partnerId().value(), command.reason(), command.at(),
                command.heldBy(), null));
    }

    @CommandHandler
    public void handle(ReleaseEntry command) {
        if (!openDisputes.isEmpty()) {
            throw CommandRefused.conflict("dispute-open", "Dispute open",
                    "entry %s stays held while dispute(s) %s are open".formatted(entryId, openDisputes));
        }
        if (!financeHold) {
            return;
        }
        apply(new EntryReleased(entryId, partnerId.value(), command.reason(), command.releasedBy(), null));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenDispute command) {
        if (openDisputes.contains(command.disputeId()) || resolved.containsKey(command.disputeId())) {
            return;
        }
        boolean wasHeld = isHeld();
        apply(new DisputeOpened(command.disputeId(), command.entryId(), command.partnerId().value(),
                valueOf(command.referralId()), command.message(), command.openedBy(), command.at()));
        if (!wasHeld) {
            apply(new EntryHeld(command.entryId(), command.partnerId().value(), "Disputed: " + command.message(),
                    command.at(), command.openedBy(), command.disputeId()));
        }
    }

    @CommandHandler
    public void handle(ResolveDispute command) {
        DisputeOutcome earlier = resolved.get(command.disputeId());
        if (earlier != null) {
            if (earlier != command.outcome()) {
                throw CommandRefused.conflict(ProblemTypes.ILLEGAL_TRANSITION, "Dispute already resolved",
                        "dispute %s was resolved %s".formatted(command.disputeId(), earlier));
            }
            return;
        }
        if (!openDisputes.contains(command.disputeId())) {
            throw CommandRefused.notFound("dispute", command.disputeId());
        }
        if (command.adjustment() != null && command.outcome() != DisputeOutcome.UPHELD) {
            throw CommandRefused.invalid(ProblemTypes.VALIDATION_FAILED, "Invalid request",
                    "only an UPHELD dispute can carry an adjustment");
        }
        if (command.adjustment() != null && command.adjustment().isZero()) {
            throw CommandRefused.invalid(ProblemTypes.VALIDATION_FAILED, "Invalid request",
                    "an adjustment must not be zero");
        }
        String adjustmentEntryId = command.adjustment() == null ? null
                : AdjustmentBooked.entryIdFor("dispute", command.disputeId());
        apply(new DisputeResolved(command.disputeId(), entryId, partnerId.value(), command.outcome(), command.note(),
                command.adjustment(), adjustmentEntryId, command.resolvedBy()));
        if (adjustmentEntryId != null) {
            apply(new AdjustmentBooked(adjustmentEntryId, null, command.disputeId(), partnerId.value(),
                    valueOf(referralId), command.adjustment(),
                    "Dispute %s upheld: %s".formatted(command.disputeId(), command.note()), null, command.resolvedBy(),
                    command.on()));
        }
        if (openDisputes.isEmpty() && !financeHold) {
            apply(new EntryReleased(entryId, partnerId.value(), "Dispute %s %s".formatted(command.disputeId(),
                    command.outcome()), command.resolvedBy(), command.disputeId()));
        }
    }

    /** The plain string the events keep; an entry may belong to no referral (an adjustment without one). */
    private static String valueOf(ReferralId referralId) {
        return referralId == null ? null : referralId.value();
    }

    private boolean isHeld() {
        return financeHold || !openDisputes.isEmpty();
    }

    @EventSourcingHandler
    void on(EntryHeld event) {
        entryId = event.entryId();
        partnerId = PartnerId.of(event.partnerId());
        if (event.disputeId() == null) {
            financeHold = true;
        }
    }

    @EventSourcingHandler
    void on(EntryReleased event) {
        if (event.disputeId() == null) {
            financeHold = false;
        }
    }

    @EventSourcingHandler
    void on(DisputeOpened event) {
        entryId = event.entryId();
        partnerId = PartnerId.of(event.partnerId());
        referralId = event.referralId() == null ? null : ReferralId.of(event.referralId());
        openDisputes.add(event.disputeId());
    }

    @EventSourcingHandler
    void on(DisputeResolved event) {
        openDisputes.remove(event.disputeId());
        resolved.put(event.disputeId(), event.outcome());
    }
}
