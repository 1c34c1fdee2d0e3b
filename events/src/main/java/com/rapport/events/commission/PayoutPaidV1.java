package com.rapport.events.commission;

import com.rapport.events.IntegrationEvent;
import com.rapport.events.money.Money;

/** {@code rapport.commission.payout-paid.v1}; one per partner and currency of the confirmed batch; key = partnerId. */
public record PayoutPaidV1(String batchId, String partnerId, Money amount) implements IntegrationEvent {
    @Override
    public String subject() {
        return partnerId;
    }
}
