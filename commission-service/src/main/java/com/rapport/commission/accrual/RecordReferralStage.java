package com.rapport.commission.accrual;

import com.rapport.support.id.ReferralId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Note that the referral was delivered, completed or lost (projected commission depends on it). */
public record RecordReferralStage(@TargetAggregateIdentifier ReferralId referralId, String sourceEventId,
                                  ReferralStage stage) {
}
