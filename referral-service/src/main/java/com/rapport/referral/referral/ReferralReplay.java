package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * A referral as it now stands, replayed from its own stream through the {@link Referral} aggregate's event sourcing
 * handlers (read by exact key, nothing locked or stored), for the command side to ask before it sends a command:
 * it sees the state the aggregate itself will decide on. Blocking: bounded-elastic and command threads only.
 */
@Component
public class ReferralReplay {

    /** The aggregate's handlers take nothing but their messages, so the classpath's resolvers inspect it. */
    private static final AggregateModel<Referral> MODEL =
            AnnotatedAggregateMetaModelFactory.inspectAggregate(Referral.class);

    private final EventStore eventStore;

    public ReferralReplay(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Empty for an unknown id and for another aggregate's stream (a partner's). */
    Optional<Referral> replay(ReferralId referralId) {
        DomainEventStream stream = eventStore.readEvents(referralId.value());
        if (!stream.hasNext() || !(stream.peek().getPayload() instanceof ReferralSubmitted
                || stream.peek().getPayload() instanceof FollowOnOpened)) {
            return Optional.empty();
        }
        EventSourcedAggregate<Referral> referral = EventSourcedAggregate.initialize(new Referral(), MODEL, null,
                NoSnapshotTriggerDefinition.TRIGGER);
        referral.initializeState(stream);
        return Optional.of(referral.getAggregateRoot());
    }
}
