package com.rapport.referral.referral;

import com.rapport.referral.partner.PartnerId;

public record ReferralRejected(ReferralId referralId, PartnerId partnerId, String reason) implements ReferralEvent {
}
