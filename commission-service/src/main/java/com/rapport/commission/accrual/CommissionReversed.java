package com.rapport.commission.accrual;

import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A negative ledger entry (amount and basis negative); payable at once. */
public record CommissionReversed(String entryId, String referralId, String partnerId, CommissionRole role,
                                 Money amount, BigDecimal rate, Money basis, LocalDate payableAt,
                                 LocalDate occurredOn, String explanation, String sourceEventId,
                                 Money earnedSoFar, String introducerPartnerId) {

    public CommissionReversed(String entryId, String referralId, String partnerId, CommissionRole role,
                              Money amount, BigDecimal rate, Money basis, LocalDate payableAt,
                              LocalDate occurredOn, String explanation, String sourceEventId, Money earnedSoFar) {
        this(entryId, referralId, partnerId, role, amount, rate, basis, payableAt, occurredOn, explanation,
                sourceEventId, earnedSoFar, null);
    }
}
