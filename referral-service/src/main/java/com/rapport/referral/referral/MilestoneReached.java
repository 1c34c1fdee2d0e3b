package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.support.id.PartnerId;

public record MilestoneReached(ReferralId referralId, PartnerId partnerId, String name, String note)
        implements ReferralEvent {
}
