package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;

import java.util.List;

/** {@code rapport.referral.credit-split.v1}; {@code partnerId} is the referring partner. */
public record CreditSplitV1(String referralId, String partnerId, List<CreditShare> shares)
        implements IntegrationEvent {

    public CreditSplitV1 {
        shares = shares == null ? List.of() : List.copyOf(shares);
    }

    @Override
    public String subject() {
        return referralId;
    }
}
