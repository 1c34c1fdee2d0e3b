package com.rapport.referral.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeliverReferral(@TargetAggregateIdentifier ReferralId referralId) {
}
