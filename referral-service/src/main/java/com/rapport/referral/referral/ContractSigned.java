package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.events.money.Money;
import com.rapport.support.id.PartnerId;

import java.time.Instant;
import java.util.Map;

/**
 * {@code contractNumber}: this is the referring partner's n-th signed contract, counting in order of signing.
 * {@code introducerNumbers}: the same for every co-introducer (partnerId → n); absent in events stored before credit
 * could be split, when the referring partner was the only introducer.
 */
public record ContractSigned(ReferralId referralId, PartnerId partnerId, Money contractValue, Instant signedAt,
                             int contractNumber, Map<String, Integer> introducerNumbers) implements ReferralEvent {

    public ContractSigned(ReferralId referralId, PartnerId partnerId, Money contractValue, Instant signedAt,
                          int contractNumber) {
        this(referralId, partnerId, contractValue, signedAt, contractNumber,
                Map.of(partnerId.value(), contractNumber));
    }

    /** The n of this co-introducer's signed contracts that this one is; null for a partner with no share. */
    public Integer contractNumberOf(PartnerId introducer) {
        if (introducerNumbers != null) {
            return introducerNumbers.get(introducer.value());
        }
        return introducer.equals(partnerId) ? contractNumber : null;
    }
}
