package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;

/** {@code rapport.referral.lost.v1}; {@code lostAtStatus} is the status the referral had when it was lost. */
public record ReferralLostV1(String referralId, String partnerId, String reason, String lostAtStatus)
        implements IntegrationEvent {
    @Override
    public String subject() {
        return referralId;
    }
}
