package com.rapport.referral.referral;

import com.rapport.referral.partner.PartnerId;

public record ReferralCompleted(ReferralId referralId, PartnerId partnerId) implements ReferralEvent {
}
