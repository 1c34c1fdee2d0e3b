package com.rapport.events.commission;

import com.rapport.events.IntegrationEvent;

/** {@code rapport.commission.entry-released.v1}; key = partnerId. */
public record EntryReleasedV1(String entryId, String partnerId, String reason) implements IntegrationEvent {
    @Override
    public String subject() {
        return partnerId;
    }
}
