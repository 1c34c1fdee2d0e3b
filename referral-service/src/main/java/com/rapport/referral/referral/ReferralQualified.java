package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.support.id.PartnerId;

public record ReferralQualified(ReferralId referralId, PartnerId partnerId) implements ReferralEvent {
}
