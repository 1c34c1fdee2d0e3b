package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.support.id.PartnerId;

/** {@code partnerId} is the partner credited from now on; {@code previousPartnerId} the one who had it. */
public record ReferralReassigned(ReferralId referralId, PartnerId partnerId, PartnerId previousPartnerId,
                                 String reason) implements ReferralEvent {
}
