package com.rapport.commission.accrual;

import com.rapport.events.money.Money;

import java.math.BigDecimal;

/**
 * The accrual rule of COMMISSIONS.md. Each entry is the difference between two cumulative targets, so however the
 * client's cash was split, the entries of a fully paid contract add up to exactly {@code min(cap, round(rate × value))}.
 */
public final class CumulativeAccrual {

    private CumulativeAccrual() {
    }

    /** {@code min(cap, round_half_even(rate × netCash))}; {@code cap} may be null (no cap). */
    public static Money target(BigDecimal rate, Money cap, Money netCash) {
        Money target = netCash.times(rate);
        return cap == null ? target : target.min(cap);
    }

    /** {@code target − earnedSoFar}: positive is an accrual, negative a reversal, zero writes nothing. */
    public static Money nextEntry(BigDecimal rate, Money cap, Money netCash, Money earnedSoFar) {
        return target(rate, cap, netCash).minus(earnedSoFar);
    }

    /** True when the cap, not the rate, decided the target. */
    public static boolean capped(BigDecimal rate, Money cap, Money netCash) {
        return cap != null && netCash.times(rate).compareTo(cap) > 0;
    }
}
