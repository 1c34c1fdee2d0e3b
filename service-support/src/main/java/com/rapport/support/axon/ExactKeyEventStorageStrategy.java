package com.rapport.support.axon;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntry;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Axon's document-per-event layout, read by exact keys only, so that no read costs more as the store grows on any
 * MongoDB-wire-protocol server. The stock strategy loads aggregates and feeds tracking processors with {@code $and}
 * and range queries; a server without usable secondary indexes (mongo-java-server) answers those by scanning every
 * stored event. Here:
 * <ul>
 * <li>an aggregate loads by {@code {aggregateIdentifier, sequenceNumber}} equality, one event at a time, which the
 * unique aggregate index serves everywhere;</li>
 * <li>every event also gets a {@code globalIndex} from an atomically incremented counter, under a unique index;
 * tracking processors read the next window of indices (and any gaps still open) with one {@code $in} on that index,
 * tracked by Axon's {@link GapAwareTrackingToken}: an index allocated by a commit still in flight is a gap that is
 * asked for again until it fills or falls {@code maxGapOffset} behind;</li>
 * <li>snapshots are kept one per aggregate under {@code _id = aggregateIdentifier}.</li>
 * </ul>
 */
public class ExactKeyEventStorageStrategy extends DocumentPerEventStorageStrategy {

    public static final String GLOBAL_INDEX = "globalIndex";
    static final String COUNTER_ID = "domainevents";
    private static final int MAX_GAP_OFFSET = 1000;

    private final EventEntryConfiguration config;
    private final MongoCollection<Document> counters;

    /** @param counters where the global index counter lives (one document per event collection) */
    public ExactKeyEventStorageStrategy(MongoCollection<Document> counters) {
        this(EventEntryConfiguration.getDefault(), counters);
    }

    public ExactKeyEventStorageStrategy(EventEntryConfiguration config, MongoCollection<Document> counters) {
        super(config, null);
        this.config = config;
        this.counters = counters;
    }

    @Override
    public void appendEvents(MongoCollection<Document> eventCollection, List<? extends EventMessage<?>> events,
                             Serializer serializer) {
        long first = allocate(events.size());
        List<Document> documents = new ArrayList<>(events.size());
        Iterator<Document> created = createEventDocuments(events, serializer).iterator();
        for (long index = first; created.hasNext(); index++) {
            documents.add(created.next().append(GLOBAL_INDEX, index));
        }
        // ordered: a reader that sees index n+1 of this batch also sees n
        eventCollection.insertMany(documents, new InsertManyOptions().ordered(true));
    }

    /**
     * Reserves {@code count} consecutive indices and returns the first. Synchronized because mongo-java-server does
     * not apply concurrent {@code findAndModify} calls on one document atomically (two commits could get the same
     * index and the second fail on the unique index); MongoDB itself does, across instances.
     */
    private synchronized long allocate(int count) {
        Document counter = counters.findOneAndUpdate(new Document("_id", COUNTER_ID),
                new Document("$inc", new Document("next", (long) count)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return counter.get("next", Number.class).longValue() - count;
    }

    /** The highest index handed out so far, or -1. */
    long lastAllocatedIndex() {
        Document counter = counters.find(new Document("_id", COUNTER_ID)).first();
        return counter == null ? -1 : counter.get("next", Number.class).longValue() - 1;
    }

    @Override
    public List<? extends TrackedEventData<?>> findTrackedEvents(MongoCollection<Document> eventCollection,
                                                                 TrackingToken lastToken, int batchSize) {
        if (lastToken != null && !(lastToken instanceof GapAwareTrackingToken)) {
            throw new IllegalArgumentException("unsupported tracking token " + lastToken);
        }
        GapAwareTrackingToken token = (GapAwareTrackingToken) lastToken;
        long next = token == null ? 0 : token.getIndex() + 1;
        // Only indices already handed out can hold an event: a processor at the head (the usual case, polled after
        // every commit) asks for its gaps and the few new indices instead of a whole window of lookups that cannot
        // match. An index handed out after this read is asked for by the next poll.
        long last = lastAllocatedIndex();
        List<Document> found = fetchWindow(eventCollection, token, next, windowUpTo(next, batchSize, last));
        if (found.isEmpty()) {
            // A whole window of indices was reserved but nothing is there (yet): look further ahead without moving
            // the token. The first event found beyond advances it, and every index stepped over stays a gap that is
            // asked for again, so a slow commit's events are delivered when they land, and a failed one never
            // stalls the processors behind it. (Advancing to the window's end would mark its last index as seen.)
            for (long from = next + batchSize; found.isEmpty() && from <= last; from += batchSize) {
                found = fetchWindow(eventCollection, token, from, windowUpTo(from, batchSize, last));
            }
        }
        List<TrackedEventData<?>> results = new ArrayList<>(found.size());
        for (Document document : found) {
            long index = document.get(GLOBAL_INDEX, Number.class).longValue();
            token = advance(token, index);
            results.add(new TrackedEventEntry(new EventEntry(document, config), token));
        }
        return results;
    }

    private List<Document> fetchWindow(MongoCollection<Document> collection, GapAwareTrackingToken token,
                                       long from, int size) {
        List<Long> wanted = new ArrayList<>(size + (token == null ? 0 : token.getGaps().size()));
        if (token != null) {
            wanted.addAll(token.getGaps());
        }
        for (long index = from; index < from + size; index++) {
            wanted.add(index);
        }
        List<Document> found = new ArrayList<>();
        if (wanted.isEmpty()) {
            return found;
        }
        // a single-field $in is answered from the unique index by MongoDB and mongo-java-server alike
        collection.find(new Document(GLOBAL_INDEX, new Document("$in", wanted))).into(found);
        found.sort(Comparator.comparingLong(d -> d.get(GLOBAL_INDEX, Number.class).longValue()));
        return found;
    }

    /** How many indices of a window starting at {@code from} have been handed out (at most {@code size}). */
    private static int windowUpTo(long from, int size, long lastAllocated) {
        return (int) Math.max(0, Math.min(size, lastAllocated + 1 - from));
    }

    private static GapAwareTrackingToken advance(GapAwareTrackingToken token, long index) {
        if (token == null) {
            return GapAwareTrackingToken.newInstance(index, LongStream.range(Math.max(0, index - MAX_GAP_OFFSET), index)
                    .boxed().toList());
        }
        return token.advanceTo(index, MAX_GAP_OFFSET);
    }

    @Override
    public TrackingToken createTailToken(MongoCollection<Document> eventsCollection) {
        return null;
    }

    @Override
    public void ensureIndexes(MongoCollection<Document> eventsCollection,
                              MongoCollection<Document> snapshotsCollection) {
        super.ensureIndexes(eventsCollection, snapshotsCollection);
        eventsCollection.createIndex(new Document(GLOBAL_INDEX, 1),
                new IndexOptions().unique(true).name("uniqueGlobalIndex"));
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
