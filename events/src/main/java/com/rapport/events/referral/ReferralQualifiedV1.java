package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;
import java.util.List;

/** {@code rapport.referral.qualified.v1}. */
public record ReferralQualifiedV1(String referralId, String partnerId,
        List<CreditShare> shares) implements IntegrationEvent {
    /** Without the credit shares (records written before events carried them, and tests). */
    public ReferralQualifiedV1(String referralId, String partnerId) {
        this(referralId, partnerId, List.of());
    }

    public ReferralQualifiedV1 {
        shares = shares == null ? List.of() : List.copyOf(shares);
    }

    @Override
    public String subject() {
        return referralId;
    }
}
