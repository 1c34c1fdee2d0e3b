package com.rapport.referral.referral;

import com.rapport.events.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record SignContract(@TargetAggregateIdentifier ReferralId referralId, Money contractValue, Instant signedAt) {
}
