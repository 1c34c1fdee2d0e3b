package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.events.money.Money;
import com.rapport.support.id.PartnerId;

import java.util.List;

/** A follow-on referral was opened, already qualified, for the same client and introducer(s) as {@code followOnOf}. */
public record FollowOnOpened(ReferralId referralId, PartnerId partnerId, ReferralId followOnOf,
                             ReferredClient client, String description, Money estimatedValue,
                             List<IntroducerShare> shares) implements ReferralEvent {
}
