package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;

/** {@code rapport.referral.rejected.v1}. */
public record ReferralRejectedV1(String referralId, String partnerId, String reason) implements IntegrationEvent {
    @Override
    public String subject() {
        return referralId;
    }
}
