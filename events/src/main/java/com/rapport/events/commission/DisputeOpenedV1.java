package com.rapport.events.commission;

import com.rapport.events.IntegrationEvent;

/** {@code rapport.commission.dispute-opened.v1; outcome and note are null while open}; key = partnerId. */
public record DisputeOpenedV1(String disputeId, String entryId, String partnerId, String outcome, String note) implements IntegrationEvent {
    @Override
    public String subject() {
        return partnerId;
    }
}
