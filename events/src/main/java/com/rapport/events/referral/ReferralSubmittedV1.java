package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;
import com.rapport.events.money.Money;

/** {@code rapport.referral.submitted.v1}. */
public record ReferralSubmittedV1(String referralId, String partnerId, Client client, String description,
                                  Money estimatedValue) implements IntegrationEvent {
    @Override
    public String subject() {
        return referralId;
    }
}
