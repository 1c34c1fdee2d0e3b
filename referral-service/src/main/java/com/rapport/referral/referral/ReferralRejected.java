package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.support.id.PartnerId;

public record ReferralRejected(ReferralId referralId, PartnerId partnerId, String reason) implements ReferralEvent {
}
