package com.rapport.referral.referral;

import com.rapport.referral.partner.PartnerId;

public record ReferralDelivered(ReferralId referralId, PartnerId partnerId) implements ReferralEvent {
}
