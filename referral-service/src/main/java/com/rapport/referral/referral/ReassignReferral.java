package com.rapport.referral.referral;

import com.rapport.referral.partner.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves the credit for a referral, before any contract, to another partner. */
public record ReassignReferral(@TargetAggregateIdentifier ReferralId referralId, PartnerId newPartnerId,
                               String reason) {
}
