package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.support.id.PartnerId;

public record ReferralDelivered(ReferralId referralId, PartnerId partnerId) implements ReferralEvent {
}
