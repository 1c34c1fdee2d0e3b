package com.rapport.commission.config;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.rapport.commission.CommissionServiceTestBase;
import com.rapport.commission.hold.EntryHeld;
import com.rapport.commission.hold.EntryReleased;
import com.rapport.commission.hold.ReleaseEntry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.messaging.Message;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running service loads an aggregate whose stream holds an event stored under the name it had while nested in a
 * holder class ({@code HoldEvents$EntryHeld}): the entry is held, so finance's release writes an {@code EntryReleased}.
 * Without the upcaster the hold would be unknown and the release would change nothing.
 */
class EventsStoredUnderHolderNamesIntegrationTest extends CommissionServiceTestBase {

    private static final String HOLDER_NAME = "com.rapport.commission.hold.HoldEvents$EntryHeld";

    @Autowired
    private Configuration axon;

    @Autowired
    private EventStorageEngine storage;

    @Autowired
    private MongoTemplate axonMongo;

    @Autowired
    private CommandGateway commands;

    @Test
    void anEntryHeldUnderTheHolderNameIsHeldAndCanBeReleased() {
        String entryId = newId();
        String partnerId = newId();
        EntryHeld held = new EntryHeld(entryId, partnerId, "checking the invoice",
                Instant.parse("2026-03-01T10:00:00Z"), "finance-1", null);
        GenericDomainEventMessage<EntryHeld> stored = new GenericDomainEventMessage<>("EntryHold", entryId, 0, held);
        storage.appendEvents(stored);
        // as the store holds every event written before the move
        axonMongo.eventCollection().updateOne(Filters.eq("eventIdentifier", stored.getIdentifier()),
                Updates.set("payloadType", HOLDER_NAME));
        assertThat(axonMongo.eventCollection().find(Filters.eq("aggregateIdentifier", entryId)).first())
                .containsEntry("payloadType", HOLDER_NAME);

        commands.sendAndWait(new ReleaseEntry(entryId, "invoice checked", "finance-2"));

        List<Object> stream = axon.eventStore().readEvents(entryId).asStream().map(Message::getPayload)
                .map(Object.class::cast).toList();
        assertThat(stream).containsExactly(held,
                new EntryReleased(entryId, partnerId, "invoice checked", "finance-2", null));
    }
}
