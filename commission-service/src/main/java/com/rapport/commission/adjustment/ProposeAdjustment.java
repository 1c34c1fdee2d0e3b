package com.rapport.commission.adjustment;

import com.rapport.events.money.Money;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Propose an adjustment; {@code referralId} may be null. Answers true when this call proposed it. */
public record ProposeAdjustment(@TargetAggregateIdentifier String adjustmentId, PartnerId partnerId,
                                ReferralId referralId, Money amount, String reason, String proposedBy) {
}
