package com.rapport.commission.accrual;

import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One per role at contract signing; {@code cap} is null when none applies. {@code introducerPartnerId} is the
 * introducer this role belongs to (itself for INTRODUCER, the one it introduced for OVERRIDE): with
 * co-introducers a referral has one INTRODUCER and at most one OVERRIDE role per introducer. {@code share} is
 * that introducer's share of the credit (null = 1), {@code flatFee} the deal's finder's fee (null = a rate),
 * {@code dealTerms} true when finance agreed the terms for this deal.
 */
public record RateLocked(String referralId, CommissionRole role, String partnerId, String planId,
                         int planVersion, BigDecimal rate, int tierNumber, String tierLabel, Money cap,
                         Money contractValue, int contractNumber, Instant signedAt, int holdDays,
                         String introducerPartnerId, String introducerName, String sourceEventId,
                         BigDecimal share, Money flatFee, Boolean dealTerms) {

    public RateLocked(String referralId, CommissionRole role, String partnerId, String planId, int planVersion,
                      BigDecimal rate, int tierNumber, String tierLabel, Money cap, Money contractValue,
                      int contractNumber, Instant signedAt, int holdDays, String introducerPartnerId,
                      String introducerName, String sourceEventId) {
        this(referralId, role, partnerId, planId, planVersion, rate, tierNumber, tierLabel, cap, contractValue,
                contractNumber, signedAt, holdDays, introducerPartnerId, introducerName, sourceEventId, null,
                null, null);
    }

    public RoleTerms terms() {
        return new RoleTerms(rate, share, cap, flatFee);
    }

    public boolean agreedForThisDeal() {
        return Boolean.TRUE.equals(dealTerms);
    }
}
