package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.events.money.Money;
import com.rapport.support.id.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner (or operations on its behalf) submits a client; {@code estimatedValue} may be unknown (null). */
public record SubmitReferral(@TargetAggregateIdentifier ReferralId referralId, PartnerId partnerId,
                             ReferredClient client, String description, Money estimatedValue) {
}
