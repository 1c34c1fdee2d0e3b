package com.rapport.referral.referral;

import com.rapport.referral.partner.PartnerId;

public record ReferralQualified(ReferralId referralId, PartnerId partnerId) implements ReferralEvent {
}
