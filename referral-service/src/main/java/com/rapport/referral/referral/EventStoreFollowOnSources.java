package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Replays the referral's own stream through the {@link Referral} aggregate's event sourcing handlers (read by exact
 * key, nothing locked or stored), so the follow-on sees the state the aggregate itself would decide on.
 */
@Component
public class EventStoreFollowOnSources implements FollowOnSources {

    private final EventStore eventStore;
    private final ObjectProvider<Configuration> axon;
    private volatile AggregateModel<Referral> model;

    public EventStoreFollowOnSources(EventStore eventStore, ObjectProvider<Configuration> axon) {
        this.eventStore = eventStore;
        this.axon = axon;
    }

    /**
     * Inspected with Axon's configured parameter resolvers, as the repository does: the aggregate's command handlers
     * take Spring beans (ContractNumbering) that the classpath-only resolvers cannot resolve. Built on first use, since
     * the configuration is made of beans like this one.
     */
    private AggregateModel<Referral> model() {
        AggregateModel<Referral> inspected = model;
        if (inspected == null) {
            inspected = AnnotatedAggregateMetaModelFactory.inspectAggregate(Referral.class,
                    axon.getObject().parameterResolverFactory());
            model = inspected;
        }
        return inspected;
    }

    @Override
    public Optional<FollowOnSource> find(ReferralId referralId) {
        DomainEventStream stream = eventStore.readEvents(referralId.value());
        if (!stream.hasNext() || !(stream.peek().getPayload() instanceof ReferralSubmitted
                || stream.peek().getPayload() instanceof FollowOnOpened)) {
            // unknown, or another aggregate's stream (a partner's)
            return Optional.empty();
        }
        EventSourcedAggregate<Referral> referral = EventSourcedAggregate.initialize(new Referral(), model(), null,
                NoSnapshotTriggerDefinition.TRIGGER);
        referral.initializeState(stream);
        return Optional.of(referral.invoke(Referral::asFollowOnSource));
    }
}
