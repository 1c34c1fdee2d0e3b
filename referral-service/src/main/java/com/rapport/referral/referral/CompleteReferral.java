package com.rapport.referral.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CompleteReferral(@TargetAggregateIdentifier ReferralId referralId) {
}
