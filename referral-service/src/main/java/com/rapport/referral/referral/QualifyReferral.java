package com.rapport.referral.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record QualifyReferral(@TargetAggregateIdentifier ReferralId referralId) {
}
