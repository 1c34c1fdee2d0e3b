package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;
import com.rapport.events.money.Money;

import java.time.Instant;

/**
 * {@code rapport.referral.contract-signed.v1}. {@code contractNumber} is the partner's n-th signed contract,
 * counting its own referrals in order of signing, this one included; commission tiers depend on it.
 */
public record ContractSignedV1(String referralId, String partnerId, Money contractValue, Instant signedAt,
                               int contractNumber) implements IntegrationEvent {
    @Override
    public String subject() {
        return referralId;
    }
}
