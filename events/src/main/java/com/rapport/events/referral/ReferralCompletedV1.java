package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;

/** {@code rapport.referral.completed.v1}. */
public record ReferralCompletedV1(String referralId, String partnerId) implements IntegrationEvent {
    @Override
    public String subject() {
        return referralId;
    }
}
