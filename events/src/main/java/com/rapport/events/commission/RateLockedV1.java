package com.rapport.events.commission;

import com.rapport.events.IntegrationEvent;
import com.rapport.events.money.Money;

import java.math.BigDecimal;

/** {@code rapport.commission.rate-locked.v1}; key = partnerId. {@code cap} is null when the plan has none. */
public record RateLockedV1(String referralId, String partnerId, CommissionRole role, String planId,
                           int planVersion, BigDecimal rate, Money cap) implements IntegrationEvent {
    @Override
    public String subject() {
        return partnerId;
    }
}
