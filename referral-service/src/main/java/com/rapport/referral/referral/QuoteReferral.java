package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.events.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record QuoteReferral(@TargetAggregateIdentifier ReferralId referralId, Money amount) {
}
