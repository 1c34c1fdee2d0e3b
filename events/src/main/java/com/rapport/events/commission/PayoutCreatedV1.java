package com.rapport.events.commission;

import com.rapport.events.IntegrationEvent;

import java.time.LocalDate;
import java.util.List;

/** {@code rapport.commission.payout-created.v1}; key = batchId (a batch spans partners). */
public record PayoutCreatedV1(String batchId, LocalDate asOf, List<PayoutLine> lines) implements IntegrationEvent {
    @Override
    public String subject() {
        return batchId;
    }
}
