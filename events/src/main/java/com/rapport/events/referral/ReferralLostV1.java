package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;
import java.util.List;

/** {@code rapport.referral.lost.v1}; {@code lostAtStatus} is the status the referral had when it was lost. */
public record ReferralLostV1(String referralId, String partnerId, String reason, String lostAtStatus,
        List<CreditShare> shares)
        implements IntegrationEvent {
    /** Without the credit shares (records written before events carried them, and tests). */
    public ReferralLostV1(String referralId, String partnerId, String reason, String lostAtStatus) {
        this(referralId, partnerId, reason, lostAtStatus, List.of());
    }

    public ReferralLostV1 {
        shares = shares == null ? List.of() : List.copyOf(shares);
    }

    @Override
    public String subject() {
        return referralId;
    }
}
