package com.rapport.support.axon;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntry;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Axon's document-per-event layout, read by exact keys only. The stock strategy loads an aggregate with an
 * {@code $and}/range query that a server without a usable secondary index (mongo-java-server) answers by scanning
 * every stored event; this one asks for {@code {aggregateIdentifier, sequenceNumber}} one equality at a time, which
 * the unique aggregate index serves on every server, so a load costs the same at 1,000 or 1,000,000 stored events.
 * Snapshots are kept one per aggregate under {@code _id = aggregateIdentifier} for the same reason.
 */
public class ExactKeyEventStorageStrategy extends DocumentPerEventStorageStrategy {

    private final EventEntryConfiguration config;

    public ExactKeyEventStorageStrategy() {
        this(EventEntryConfiguration.getDefault());
    }

    public ExactKeyEventStorageStrategy(EventEntryConfiguration config) {
        super(config, null);
        this.config = config;
    }

    @Override
    public List<? extends DomainEventData<?>> findDomainEvents(MongoCollection<Document> collection,
                                                               String aggregateIdentifier, long firstSequenceNumber,
                                                               int batchSize) {
        List<DomainEventData<?>> events = new ArrayList<>();
        for (long sequence = firstSequenceNumber; events.size() < batchSize; sequence++) {
            Document document = collection.find(key(aggregateIdentifier, sequence)).first();
            if (document == null) {
                break;
            }
            events.add(new EventEntry(document, config));
        }
        return events;
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(MongoCollection<Document> eventsCollection,
                                                String aggregateIdentifier) {
        if (!exists(eventsCollection, aggregateIdentifier, 0)) {
            return Optional.empty();
        }
        // gallop to a sequence number that does not exist, then bisect: O(log n) exact-key lookups
        long present = 0;
        long absent = 1;
        while (exists(eventsCollection, aggregateIdentifier, absent)) {
            present = absent;
            absent = absent * 2;
        }
        while (absent - present > 1) {
            long middle = present + (absent - present) / 2;
            if (exists(eventsCollection, aggregateIdentifier, middle)) {
                present = middle;
            } else {
                absent = middle;
            }
        }
        return Optional.of(present);
    }

    @Override
    public void appendSnapshot(MongoCollection<Document> snapshotCollection, DomainEventMessage<?> snapshot,
                               Serializer serializer) {
        Document document = createSnapshotDocument(snapshot, serializer);
        document.put("_id", snapshot.getAggregateIdentifier());
        snapshotCollection.replaceOne(new Document("_id", snapshot.getAggregateIdentifier()), document,
                new ReplaceOptions().upsert(true));
    }

    @Override
    public void deleteSnapshots(MongoCollection<Document> snapshotCollection, String aggregateIdentifier,
                                long sequenceNumber) {
        // one snapshot per aggregate, replaced in place by appendSnapshot: there is never an older one to delete
    }

    @Override
    public Stream<? extends DomainEventData<?>> findSnapshots(MongoCollection<Document> snapshotCollection,
                                                              String aggregateIdentifier) {
        Document snapshot = snapshotCollection.find(new Document("_id", aggregateIdentifier)).first();
        return snapshot == null ? Stream.empty() : Stream.of(new EventEntry(snapshot, config));
    }

    private boolean exists(MongoCollection<Document> collection, String aggregateIdentifier, long sequence) {
        return collection.find(key(aggregateIdentifier, sequence))
                .projection(new Document("_id", 1)).first() != null;
    }

    /** A plain equality document, not {@code Filters.and}: the driver would render that as {@code $and}. */
    private Document key(String aggregateIdentifier, long sequence) {
        return new Document(config.aggregateIdentifierProperty(), aggregateIdentifier)
                .append(config.sequenceNumberProperty(), sequence);
    }
}
