package com.rapport.support.axon;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;

import java.time.Instant;

/** A stored domain event together with the token of its position in the global order. */
record TrackedEventEntry<T>(DomainEventData<T> event, TrackingToken token)
        implements DomainEventData<T>, TrackedEventData<T> {

    @Override
    public TrackingToken trackingToken() {
        return token;
    }

    @Override
    public String getType() {
        return event.getType();
    }

    @Override
    public String getAggregateIdentifier() {
        return event.getAggregateIdentifier();
    }

    @Override
    public long getSequenceNumber() {
        return event.getSequenceNumber();
    }

    @Override
    public String getEventIdentifier() {
        return event.getEventIdentifier();
    }

    @Override
    public Instant getTimestamp() {
        return event.getTimestamp();
    }

    @Override
    public SerializedObject<T> getMetaData() {
        return event.getMetaData();
    }

    @Override
    public SerializedObject<T> getPayload() {
        return event.getPayload();
    }
}
