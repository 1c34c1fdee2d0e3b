package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;
import com.rapport.events.money.Money;

import java.time.Instant;
import java.util.List;

/**
 * {@code rapport.referral.contract-signed.v1}. {@code contractNumber} is the partner's n-th signed contract,
 * counting its own referrals in order of signing, this one included; commission tiers depend on it.
 */
public record ContractSignedV1(String referralId, String partnerId, Money contractValue, Instant signedAt,
                               int contractNumber,
        List<CreditShare> shares) implements IntegrationEvent {
    /** Without the credit shares (records written before events carried them, and tests). */
    public ContractSignedV1(String referralId, String partnerId, Money contractValue, Instant signedAt,
                               int contractNumber) {
        this(referralId, partnerId, contractValue, signedAt, contractNumber, List.of());
    }

    public ContractSignedV1 {
        shares = shares == null ? List.of() : List.copyOf(shares);
    }

    @Override
    public String subject() {
        return referralId;
    }
}
