package com.rapport.commission.adjustment;

import com.rapport.events.money.Money;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** What finance asks of a manual adjustment (COMMISSIONS.md "Adjustments, holds and disputes"). */
public final class AdjustmentCommands {

    private AdjustmentCommands() {
    }

    /** Propose an adjustment; {@code referralId} may be null. Answers true when this call proposed it. */
    public record ProposeAdjustment(@TargetAggregateIdentifier String adjustmentId, PartnerId partnerId,
                                    ReferralId referralId, Money amount, String reason, String proposedBy) {
    }

    /** A second finance user approves: the ADJUSTMENT entry is written, payable on {@code approvedOn}. */
    public record ApproveAdjustment(@TargetAggregateIdentifier String adjustmentId, String approvedBy,
                                    LocalDate approvedOn) {
    }

    public record RejectAdjustment(@TargetAggregateIdentifier String adjustmentId, String reason, String rejectedBy) {
    }
}
