package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;
import java.util.List;

/** {@code rapport.referral.milestone-reached.v1}. */
public record MilestoneReachedV1(String referralId, String partnerId, String name, String note,
        List<CreditShare> shares)
        implements IntegrationEvent {
    /** Without the credit shares (records written before events carried them, and tests). */
    public MilestoneReachedV1(String referralId, String partnerId, String name, String note) {
        this(referralId, partnerId, name, note, List.of());
    }

    public MilestoneReachedV1 {
        shares = shares == null ? List.of() : List.copyOf(shares);
    }

    @Override
    public String subject() {
        return referralId;
    }
}
