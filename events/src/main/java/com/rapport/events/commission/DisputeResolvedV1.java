package com.rapport.events.commission;

import com.rapport.events.IntegrationEvent;

/** {@code rapport.commission.dispute-resolved.v1; outcome UPHELD or DISMISSED}; key = partnerId. */
public record DisputeResolvedV1(String disputeId, String entryId, String partnerId, String outcome, String note) implements IntegrationEvent {
    @Override
    public String subject() {
        return partnerId;
    }
}
