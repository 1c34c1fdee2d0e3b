package com.rapport.referral.referral;

import com.rapport.referral.partner.PartnerId;

public record MilestoneReached(ReferralId referralId, PartnerId partnerId, String name, String note)
        implements ReferralEvent {
}
