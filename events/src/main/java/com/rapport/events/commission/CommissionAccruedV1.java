package com.rapport.events.commission;

import com.rapport.events.IntegrationEvent;
import com.rapport.events.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/** {@code rapport.commission.accrued.v1}; key = partnerId. */
public record CommissionAccruedV1(String entryId, String referralId, String partnerId, CommissionRole role,
                                  Money amount, BigDecimal rate, Money basis, LocalDate payableAt,
                                  String explanation, String sourceEventId) implements IntegrationEvent {
    @Override
    public String subject() {
        return partnerId;
    }
}
