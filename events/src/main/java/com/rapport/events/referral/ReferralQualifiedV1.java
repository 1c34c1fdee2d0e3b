package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;

/** {@code rapport.referral.qualified.v1}. */
public record ReferralQualifiedV1(String referralId, String partnerId) implements IntegrationEvent {
    @Override
    public String subject() {
        return referralId;
    }
}
