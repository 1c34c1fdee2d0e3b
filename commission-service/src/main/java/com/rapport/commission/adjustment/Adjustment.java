package com.rapport.commission.adjustment;

import com.rapport.commission.ledger.FourEyesException;
import com.rapport.events.money.Money;
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

import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A manual correction of a partner's commission: PROPOSED by one finance user, then APPROVED by another (which books
 * the ADJUSTMENT entry, payable at once) or REJECTED (nothing in the ledger). The adjustmentId is the caller's:
 * proposing again with the same content changes nothing, with other content is a 409. Repeating a step already taken
 * is answered as success.
 */
@Aggregate
public class Adjustment {

    @AggregateIdentifier
    private String adjustmentId;
    private ProposeAdjustment proposal;
    private AdjustmentStatus status;

    protected Adjustment() {
        // for Axon
    }

    /** True when this call proposed it; false when the same proposal was already there. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(ProposeAdjustment command) {
        if (status != null) {
            if (!sameContent(proposal, command)) {
                throw CommandRefused.conflict(ProblemTypes.CONFLICT, "Adjustment id reused",
                        "adjustment %s was proposed with other content".formatted(command.adjustmentId()));
            }
            return false;
        }
        if (command.amount().isZero()) {
            throw CommandRefused.invalid(ProblemTypes.VALIDATION_FAILED, "Invalid request",
                    "an adjustment's amount must not be zero");
        }
        apply(new AdjustmentProposed(command.adjustmentId(), command.partnerId().value(),
                valueOf(command.referralId()), command.amount(), command.reason(), command.proposedBy()));
        return true;
    }

    @CommandHandler
    public void handle(ApproveAdjustment command) {
        if (Objects.equals(proposal.proposedBy(), command.approvedBy())) {
            throw new FourEyesException("adjustment %s was proposed by %s; another finance user must approve it"
                    .formatted(adjustmentId, proposal.proposedBy()));
        }
        if (status == AdjustmentStatus.APPROVED) {
            return;
        }
        requireProposed("approve");
        String entryId = AdjustmentBooked.entryIdFor("adjustment", adjustmentId);
        apply(new AdjustmentApproved(adjustmentId, entryId, command.approvedBy(), command.approvedOn()));
        apply(new AdjustmentBooked(entryId, adjustmentId, null, proposal.partnerId().value(),
                valueOf(proposal.referralId()), proposal.amount(), proposal.reason(), proposal.proposedBy(),
                command.approvedBy(), command.approvedOn()));
    }

    @CommandHandler
    public void handle(RejectAdjustment command) {
        if (status == AdjustmentStatus.REJECTED) {
            return;
        }
        requireProposed("reject");
        apply(new AdjustmentRejected(adjustmentId, command.reason(), command.rejectedBy()));
    }

    private void requireProposed(String action) {
        if (status != AdjustmentStatus.PROPOSED) {
            throw CommandRefused.illegalTransition(
                    "adjustment %s is %s; %s is allowed from PROPOSED".formatted(adjustmentId, status, action),
                    status.name(), List.of("PROPOSED"));
        }
    }

    private static boolean sameContent(ProposeAdjustment a, ProposeAdjustment b) {
        return a.partnerId().equals(b.partnerId()) && Objects.equals(a.referralId(), b.referralId())
                && sameMoney(a.amount(), b.amount()) && a.reason().equals(b.reason());
    }

    /** The plain string the events keep; an adjustment may name no referral. */
    private static String valueOf(ReferralId referralId) {
        return referralId == null ? null : referralId.value();
    }

    private static boolean sameMoney(Money a, Money b) {
        return a.sameCurrencyAs(b) && a.amount().compareTo(b.amount()) == 0;
    }

    @EventSourcingHandler
    void on(AdjustmentProposed event) {
        adjustmentId = event.adjustmentId();
        proposal = new ProposeAdjustment(event.adjustmentId(), PartnerId.of(event.partnerId()),
                event.referralId() == null ? null : ReferralId.of(event.referralId()), event.amount(), event.reason(),
                event.proposedBy());
        status = AdjustmentStatus.PROPOSED;
    }

    @EventSourcingHandler
    void on(AdjustmentApproved event) {
        status = AdjustmentStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(AdjustmentRejected event) {
        status = AdjustmentStatus.REJECTED;
    }
}
