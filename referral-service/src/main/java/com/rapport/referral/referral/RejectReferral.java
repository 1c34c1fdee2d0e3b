package com.rapport.referral.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RejectReferral(@TargetAggregateIdentifier ReferralId referralId,
                             String reason) {
}
