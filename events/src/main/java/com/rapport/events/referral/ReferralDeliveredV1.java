package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;

/** {@code rapport.referral.delivered.v1}. */
public record ReferralDeliveredV1(String referralId, String partnerId) implements IntegrationEvent {
    @Override
    public String subject() {
        return referralId;
    }
}
