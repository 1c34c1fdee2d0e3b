package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;
import java.util.List;

/** {@code rapport.referral.rejected.v1}. */
public record ReferralRejectedV1(String referralId, String partnerId, String reason,
        List<CreditShare> shares) implements IntegrationEvent {
    /** Without the credit shares (records written before events carried them, and tests). */
    public ReferralRejectedV1(String referralId, String partnerId, String reason) {
        this(referralId, partnerId, reason, List.of());
    }

    public ReferralRejectedV1 {
        shares = shares == null ? List.of() : List.copyOf(shares);
    }

    @Override
    public String subject() {
        return referralId;
    }
}
