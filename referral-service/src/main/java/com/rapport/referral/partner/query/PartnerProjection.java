package com.rapport.referral.partner.query;

import com.rapport.referral.config.ReferralProperties;
import com.rapport.referral.partner.PartnerRegistered;
import com.rapport.referral.partner.PartnerUpdated;
import com.rapport.support.axon.ReadModelsBehind;
import com.rapport.support.id.PartnerId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Keeps the {@code partners} read model. Runs in a subscribing processor, on the command's thread, so the partner
 * is readable as soon as the registering request is answered. Replacing by id makes a replay harmless.
 * A write that fails, or an update that finds no partner, catches the partner up from the event store (see
 * {@link ReadModelsBehind}).
 */
@Component
@ProcessingGroup(PartnerProjection.GROUP)
public class PartnerProjection {

    public static final String GROUP = "partner-projection";

    private final ReactiveMongoTemplate mongo;
    private final Duration writeTimeout;
    private final Duration resetTimeout;
    private final ObjectProvider<EventStore> eventStore;
    private final ReadModelsBehind behind = new ReadModelsBehind("partners", this::catchUp);

    public PartnerProjection(ReactiveMongoTemplate mongo, ReferralProperties properties,
                             ObjectProvider<EventStore> eventStore) {
        this.mongo = mongo;
        this.writeTimeout = properties.projectionWriteTimeout();
        this.resetTimeout = properties.projectionResetTimeout();
        this.eventStore = eventStore;
    }

    /** Completes when the partner's read model shows its stored events (it is caught up first if a write failed). */
    public Mono<Void> caughtUp(String partnerId) {
        return behind.caughtUp(partnerId);
    }

    /** Catches the partner's read model up from the event store, whether or not a write of it failed. */
    public Mono<Void> catchingUp(String partnerId) {
        return behind.catchingUp(partnerId);
    }

    /** Before a rebuild (service-support's ReadModelReplay): the events write every partner again. */
    @ResetHandler
    void reset() {
        // dropped, not emptied: a delete goes document by document and grew with the store (the collection has no
        // index but _id to make again, and a live write meanwhile recreates it)
        mongo.dropCollection(PartnerView.class).block(resetTimeout);
    }

    @EventHandler
    void on(PartnerRegistered event, @Timestamp Instant at) {
        live(event.partnerId(), () -> register(event, at));
    }

    @EventHandler
    void on(PartnerUpdated event) {
        live(event.partnerId(), () -> {
            if (!update(event)) {
                // no document to update: its registration's write was lost to a killed process
                catchUp(event.partnerId().value());
            }
        });
    }

    /** A live write that fails leaves the partner behind, to be caught up, instead of lost until a rebuild. */
    private void live(PartnerId partnerId, Runnable write) {
        try {
            write.run();
            behind.written(List.of(partnerId.value()));
        } catch (RuntimeException e) {
            behind.writeFailed(List.of(partnerId.value()), e);
        }
    }

    /** Writes the partner again from all its stored events (a partner has few); throws when a write fails. */
    private void catchUp(String partnerId) {
        DomainEventStream stored = eventStore.getObject().readEvents(partnerId);
        while (stored.hasNext()) {
            DomainEventMessage<?> event = stored.next();
            if (event.getPayload() instanceof PartnerRegistered registered) {
                register(registered, event.getTimestamp());
            } else if (event.getPayload() instanceof PartnerUpdated updated) {
                update(updated);
            }
        }
    }

    private void register(PartnerRegistered event, Instant at) {
        PartnerView view = new PartnerView(event.partnerId().value(), event.name(), event.email(), event.language(),
                Optional.ofNullable(event.parentPartnerId()).map(PartnerId::value).orElse(null), at);
        mongo.save(view).block(writeTimeout);
    }

    /** Whether there was a partner to update. */
    private boolean update(PartnerUpdated event) {
        return mongo.updateFirst(Query.query(where("_id").is(event.partnerId().value())),
                new Update().set("name", event.name()).set("email", event.email()).set("language", event.language()),
                PartnerView.class).block(writeTimeout).getMatchedCount() > 0;
    }
}
