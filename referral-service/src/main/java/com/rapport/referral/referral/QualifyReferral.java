package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record QualifyReferral(@TargetAggregateIdentifier ReferralId referralId) {
}
