package com.rapport.referral.partner;

import com.rapport.support.id.PartnerId;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Answers from the event store itself: a partner exists when its stream starts with {@link PartnerRegistered}, and
 * is as its later {@link PartnerUpdated} events left it. The stream is read by exact key, so the cost does not grow
 * with the store, and a read model being rebuilt does not matter. Blocking: for command and processor threads only.
 */
@Component
public class EventStorePartnerDirectory implements PartnerDirectory {

    private final EventStore eventStore;

    public EventStorePartnerDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<RegisteredPartner> find(PartnerId partnerId) {
        return details(partnerId).map(partner -> new RegisteredPartner(partner.partnerId(), partner.email()));
    }

    public Optional<PartnerDetails> details(PartnerId partnerId) {
        if (partnerId == null) {
            return Optional.empty();
        }
        DomainEventStream stream = eventStore.readEvents(partnerId.value());
        // another aggregate's id (a referral's) has a stream too, but it does not start with a registration
        if (!stream.hasNext() || !(stream.next().getPayload() instanceof PartnerRegistered registered)) {
            return Optional.empty();
        }
        PartnerDetails partner = new PartnerDetails(registered.partnerId(), registered.name(), registered.email(),
                registered.language(), registered.parentPartnerId());
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof PartnerUpdated update) {
                partner = partner.updatedBy(update);
            }
        }
        return Optional.of(partner);
    }
}
