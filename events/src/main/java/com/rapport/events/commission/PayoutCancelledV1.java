package com.rapport.events.commission;

import com.rapport.events.IntegrationEvent;

/** {@code rapport.commission.payout-cancelled.v1}; key = batchId. */
public record PayoutCancelledV1(String batchId) implements IntegrationEvent {
    @Override
    public String subject() {
        return batchId;
    }
}
