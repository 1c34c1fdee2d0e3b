package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;
import com.rapport.events.money.Money;
import java.util.List;

/** {@code rapport.referral.quoted.v1}. */
public record ReferralQuotedV1(String referralId, String partnerId, Money amount,
        List<CreditShare> shares) implements IntegrationEvent {
    /** Without the credit shares (records written before events carried them, and tests). */
    public ReferralQuotedV1(String referralId, String partnerId, Money amount) {
        this(referralId, partnerId, amount, List.of());
    }

    public ReferralQuotedV1 {
        shares = shares == null ? List.of() : List.copyOf(shares);
    }

    @Override
    public String subject() {
        return referralId;
    }
}
