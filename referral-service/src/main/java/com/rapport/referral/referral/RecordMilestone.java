package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code note} is optional. */
public record RecordMilestone(@TargetAggregateIdentifier ReferralId referralId, String name,
                              String note) {
}
