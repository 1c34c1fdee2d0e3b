package com.rapport.referral.referral;

import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Replays the referral's own stream through the {@link Referral} aggregate's event sourcing handlers (read by exact
 * key, nothing locked or stored), so the follow-on sees the state the aggregate itself would decide on.
 */
@Component
public class EventStoreFollowOnSources implements FollowOnSources {

    private static final AggregateModel<Referral> MODEL = AnnotatedAggregateMetaModelFactory
            .inspectAggregate(Referral.class);

    private final EventStore eventStore;

    public EventStoreFollowOnSources(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<FollowOnSource> find(ReferralId referralId) {
        DomainEventStream stream = eventStore.readEvents(referralId.value());
        if (!stream.hasNext() || !(stream.peek().getPayload() instanceof ReferralSubmitted
                || stream.peek().getPayload() instanceof FollowOnOpened)) {
            // unknown, or another aggregate's stream (a partner's)
            return Optional.empty();
        }
        EventSourcedAggregate<Referral> referral = EventSourcedAggregate.initialize(new Referral(), MODEL, null,
                NoSnapshotTriggerDefinition.TRIGGER);
        referral.initializeState(stream);
        return Optional.of(referral.invoke(Referral::asFollowOnSource));
    }
}
