package com.rapport.referral.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code note} is optional. */
public record RecordMilestone(@TargetAggregateIdentifier ReferralId referralId, String name,
                              String note) {
}
