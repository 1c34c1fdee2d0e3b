package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Operations splits the referral's credit between co-introducers, the referring partner among them. */
public record SplitCredit(@TargetAggregateIdentifier ReferralId referralId, List<IntroducerShare> shares) {
}
