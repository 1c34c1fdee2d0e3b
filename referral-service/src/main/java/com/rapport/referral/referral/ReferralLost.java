package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.support.id.PartnerId;

/** {@code lostAtStatus}: the status the referral had when it was lost. */
public record ReferralLost(ReferralId referralId, PartnerId partnerId, String reason, ReferralStatus lostAtStatus)
        implements ReferralEvent {
}
