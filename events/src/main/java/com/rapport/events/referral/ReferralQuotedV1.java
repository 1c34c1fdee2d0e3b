package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;
import com.rapport.events.money.Money;

/** {@code rapport.referral.quoted.v1}. */
public record ReferralQuotedV1(String referralId, String partnerId, Money amount) implements IntegrationEvent {
    @Override
    public String subject() {
        return referralId;
    }
}
