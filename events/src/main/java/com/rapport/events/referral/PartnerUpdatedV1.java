package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;

/** {@code rapport.partner.updated.v1}; key = partnerId; the values after the change. */
public record PartnerUpdatedV1(String partnerId, String name, String email, String language)
        implements IntegrationEvent {
    @Override
    public String subject() {
        return partnerId;
    }
}
