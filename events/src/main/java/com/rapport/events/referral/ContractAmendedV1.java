package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;
import com.rapport.events.money.Money;

import java.time.Instant;
import java.util.List;

/** {@code rapport.referral.contract-amended.v1}: a change order; {@code contractValue} is the value after it. */
public record ContractAmendedV1(String referralId, String partnerId, String amendmentId, Money delta,
                                Money contractValue, String reason, Instant signedAt, List<CreditShare> shares)
        implements IntegrationEvent {

    public ContractAmendedV1 {
        shares = shares == null ? List.of() : List.copyOf(shares);
    }

    @Override
    public String subject() {
        return referralId;
    }
}
