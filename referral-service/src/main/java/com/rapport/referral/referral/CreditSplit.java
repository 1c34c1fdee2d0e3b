package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.support.id.PartnerId;

import java.util.List;

/** The credit is split; {@code partnerId} is the referring partner, {@code shares} the whole split after it. */
public record CreditSplit(ReferralId referralId, PartnerId partnerId, List<IntroducerShare> shares)
        implements ReferralEvent {
}
