package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;
import java.util.List;

/** {@code rapport.referral.reassigned.v1}; {@code partnerId} is the new partner. */
public record ReferralReassignedV1(String referralId, String partnerId, String previousPartnerId, String reason,
        List<CreditShare> shares)
        implements IntegrationEvent {
    /** Without the credit shares (records written before events carried them, and tests). */
    public ReferralReassignedV1(String referralId, String partnerId, String previousPartnerId, String reason) {
        this(referralId, partnerId, previousPartnerId, reason, List.of());
    }

    public ReferralReassignedV1 {
        shares = shares == null ? List.of() : List.copyOf(shares);
    }

    @Override
    public String subject() {
        return referralId;
    }
}
