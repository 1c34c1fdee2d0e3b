package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.events.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** More work for the client of {@code followOnOf}: a new referral {@code referralId}, credited as that one. */
public record OpenFollowOn(@TargetAggregateIdentifier ReferralId referralId, ReferralId followOnOf,
                           String description, Money estimatedValue) {
}
