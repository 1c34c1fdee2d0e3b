package com.rapport.referral.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordMilestone(@TargetAggregateIdentifier ReferralId referralId, String name, String note) {
}
