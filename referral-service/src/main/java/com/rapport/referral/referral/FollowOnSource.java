package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.support.id.PartnerId;

import java.util.List;

/** What a follow-on takes from the referral it follows. */
public record FollowOnSource(ReferralId referralId, PartnerId partnerId, ReferredClient client, ReferralStatus status,
                             List<IntroducerShare> shares) {
}
