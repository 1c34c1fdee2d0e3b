package com.rapport.referral.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record LoseReferral(@TargetAggregateIdentifier ReferralId referralId, String reason) {
}
