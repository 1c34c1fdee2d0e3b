package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;
import com.rapport.events.money.Money;
import java.util.List;

/** {@code rapport.referral.submitted.v1}. */
public record ReferralSubmittedV1(String referralId, String partnerId, Client client, String description,
                                  Money estimatedValue,
        List<CreditShare> shares) implements IntegrationEvent {
    /** Without the credit shares (records written before events carried them, and tests). */
    public ReferralSubmittedV1(String referralId, String partnerId, Client client, String description,
                                  Money estimatedValue) {
        this(referralId, partnerId, client, description, estimatedValue, List.of());
    }

    public ReferralSubmittedV1 {
        shares = shares == null ? List.of() : List.copyOf(shares);
    }

    @Override
    public String subject() {
        return referralId;
    }
}
