package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;

/** {@code rapport.partner.registered.v1}; key = partnerId. */
public record PartnerRegisteredV1(String partnerId, String name, String email, String language,
                                  String parentPartnerId) implements IntegrationEvent {
    @Override
    public String subject() {
        return partnerId;
    }
}
