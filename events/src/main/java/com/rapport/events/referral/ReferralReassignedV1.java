package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;

/** {@code rapport.referral.reassigned.v1}; {@code partnerId} is the new partner. */
public record ReferralReassignedV1(String referralId, String partnerId, String previousPartnerId, String reason)
        implements IntegrationEvent {
    @Override
    public String subject() {
        return referralId;
    }
}
