package com.rapport.commission.accrual;

import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A positive ledger entry. {@code basis} is the client cash that caused it, {@code occurredOn} the date of that
 * cash, {@code earnedSoFar} this role's total on the referral including this entry, {@code introducerPartnerId}
 * the introducer whose role it is (null in entries written before co-introducers: the referral's only one).
 */
public record CommissionAccrued(String entryId, String referralId, String partnerId, CommissionRole role,
                                Money amount, BigDecimal rate, Money basis, LocalDate payableAt,
                                LocalDate occurredOn, String explanation, String sourceEventId,
                                Money earnedSoFar, String introducerPartnerId) {

    public CommissionAccrued(String entryId, String referralId, String partnerId, CommissionRole role,
                             Money amount, BigDecimal rate, Money basis, LocalDate payableAt,
                             LocalDate occurredOn, String explanation, String sourceEventId, Money earnedSoFar) {
        this(entryId, referralId, partnerId, role, amount, rate, basis, payableAt, occurredOn, explanation,
                sourceEventId, earnedSoFar, null);
    }
}
