package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.support.id.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves the credit for a referral, before any contract, to another partner. */
public record ReassignReferral(@TargetAggregateIdentifier ReferralId referralId, PartnerId newPartnerId,
                               String reason) {
}
