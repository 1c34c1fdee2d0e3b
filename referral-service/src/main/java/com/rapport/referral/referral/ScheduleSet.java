package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.support.id.PartnerId;

import java.util.List;

/** The instalments expected from the client from now on (the whole schedule after the change). */
public record ScheduleSet(ReferralId referralId, PartnerId partnerId, List<Instalment> schedule)
        implements ReferralEvent {
}
