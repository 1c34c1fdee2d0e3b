package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;
import java.util.List;

/** {@code rapport.referral.completed.v1}. */
public record ReferralCompletedV1(String referralId, String partnerId,
        List<CreditShare> shares) implements IntegrationEvent {
    /** Without the credit shares (records written before events carried them, and tests). */
    public ReferralCompletedV1(String referralId, String partnerId) {
        this(referralId, partnerId, List.of());
    }

    public ReferralCompletedV1 {
        shares = shares == null ? List.of() : List.copyOf(shares);
    }

    @Override
    public String subject() {
        return referralId;
    }
}
