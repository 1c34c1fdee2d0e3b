package com.rapport.referral.partner;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Answers from the event store itself: a partner exists when its stream starts with {@link PartnerRegistered}.
 * The stream is read by exact key, so the cost does not grow with the store.
 */
@Component
public class EventStorePartnerDirectory implements PartnerDirectory {

    private final EventStore eventStore;

    public EventStorePartnerDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<RegisteredPartner> find(PartnerId partnerId) {
        if (partnerId == null) {
            return Optional.empty();
        }
        DomainEventStream stream = eventStore.readEvents(partnerId.value());
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        // another aggregate's id (a referral's) has a stream too, but it does not start with a registration
        return stream.next().getPayload() instanceof PartnerRegistered registered
                ? Optional.of(new RegisteredPartner(registered.partnerId(), registered.email()))
                : Optional.empty();
    }
}
