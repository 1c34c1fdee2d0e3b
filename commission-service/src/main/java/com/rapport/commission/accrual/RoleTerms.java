package com.rapport.commission.accrual;

import com.rapport.events.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What one role earns on a referral, as locked at its contract (COMMISSIONS.md "Accrual", "Co-introducers",
 * "Per-deal terms"): a {@code rate} on its {@code share} of the client's net cash, or a {@code flatFee} earned in
 * proportion to the cash against the contract value; either way at most {@code cap} (null = no cap).
 */
public record RoleTerms(BigDecimal rate, BigDecimal share, Money cap, Money flatFee) {

    public RoleTerms {
        share = share == null ? BigDecimal.ONE : share;
    }

    public static RoleTerms ofRate(BigDecimal rate, Money cap) {
        return new RoleTerms(rate, BigDecimal.ONE, cap, null);
    }

    /**
     * The cumulative target at {@code netCash}: {@code min(cap, round(rate × share × netCash))}, or for a flat fee
     * {@code min(cap, fee, round(fee × netCash / contractValue))} where {@code fee = round(flatFee × share)}.
     * Each role's target is rounded on its own, half-even at the currency's scale.
     */
    public Money target(Money netCash, Money contractValue) {
        Money uncapped = uncapped(netCash, contractValue);
        return cap == null ? uncapped : uncapped.min(cap);
    }

    /** True when the cap, not the rate or fee, decided the target. */
    public boolean capped(Money netCash, Money contractValue) {
        return cap != null && uncapped(netCash, contractValue).compareTo(cap) > 0;
    }

    /** The most this role can earn on a fully paid contract of {@code contractValue}. */
    public Money fullTarget(Money contractValue) {
        return target(contractValue, contractValue);
    }

    public boolean isFlatFee() {
        return flatFee != null;
    }

    public boolean isShared() {
        return share.compareTo(BigDecimal.ONE) != 0;
    }

    /** This role's part of the fee: {@code round(flatFee × share)}. */
    public Money fee() {
        return flatFee.times(share);
    }

    private Money uncapped(Money netCash, Money contractValue) {
        if (flatFee == null) {
            return netCash.times(rate.multiply(share));
        }
        if (!contractValue.isPositive()) {
            return Money.zero(netCash.currency());
        }
        int scale = Money.scaleOf(netCash.currency());
        // one division rounded once: round(flatFee × share × netCash / contractValue)
        BigDecimal proportional = flatFee.amount().multiply(share).multiply(netCash.amount())
                .divide(contractValue.amount(), scale, RoundingMode.HALF_EVEN);
        return new Money(proportional, netCash.currency()).min(fee());
    }
}
