package com.rapport.support.axon;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.rapport.testsupport.FreePorts;
import com.rapport.testsupport.MongoServerHandle;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real MongoDB-wire-protocol server (mongo-java-server), as the services run it locally. */
class ExactKeyEventStorageStrategyTest {

    record Noted(String text) {
    }

    private static MongoServerHandle server;
    private static MongoClient client;
    private MongoDatabase database;
    private ExactKeyMongoEventStorageEngine engine;

    @BeforeAll
    static void startServer() {
        server = MongoServerHandle.inMemory(FreePorts.next());
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.close();
    }

    @BeforeEach
    void freshStore() {
        database = client.getDatabase("store-" + System.nanoTime());
        engine = engineOn(database);
    }

    private static ExactKeyMongoEventStorageEngine engineOn(MongoDatabase database) {
        MongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(database).build();
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return ExactKeyMongoEventStorageEngine.create(MongoEventStorageEngine.builder()
                        .eventSerializer(serializer).snapshotSerializer(serializer),
                new ExactKeyEventStorageStrategy(database.getCollection("eventcounters")), template);
    }

    private static DomainEventMessage<Noted> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Note", aggregate, sequence, new Noted(aggregate + "#" + sequence));
    }

    @Test
    void anAggregateLoadsItsEventsInSequenceFromAnyStartingPoint() {
        engine.appendEvents(List.of(event("a", 0), event("a", 1), event("b", 0)));
        engine.appendEvents(List.of(event("a", 2), event("a", 3)));

        assertThat(texts(engine.readEvents("a").asStream().toList())).containsExactly("a#0", "a#1", "a#2", "a#3");
        assertThat(texts(engine.readEvents("a", 2).asStream().toList())).containsExactly("a#2", "a#3");
        assertThat(engine.readEvents("nobody").hasNext()).isFalse();
        assertThat(engine.lastSequenceNumberFor("a")).contains(3L);
        assertThat(engine.lastSequenceNumberFor("b")).contains(0L);
        assertThat(engine.lastSequenceNumberFor("nobody")).isEmpty();
    }

    @Test
    void anAggregateLongerThanABatchLoadsCompletely() {
        List<DomainEventMessage<?>> many = IntStream.range(0, 250).mapToObj(i -> event("long", i))
                .collect(Collectors.toList());
        engine.appendEvents(many);
        assertThat(engine.readEvents("long").asStream().count()).isEqualTo(250);
        assertThat(engine.lastSequenceNumberFor("long")).contains(249L);
    }

    @Test
    void aSecondEventWithTheSameSequenceNumberIsAConcurrencyConflict() {
        engine.appendEvents(List.of(event("a", 0), event("a", 1)));
        assertThatThrownBy(() -> engine.appendEvents(List.of(event("a", 1))))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(List.of(event("a", 0))))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(engine.readEvents("a").asStream().count()).isEqualTo(2);
    }

    @Test
    void theLatestSnapshotReplacesTheOneBefore() {
        engine.storeSnapshot(event("a", 5));
        engine.storeSnapshot(event("a", 9));
        assertThat(engine.readSnapshot("a")).map(s -> s.getSequenceNumber()).contains(9L);
        assertThat(engine.readSnapshot("b")).isEmpty();
    }

    @Test
    void concurrentCommitsOfDifferentAggregatesNeverShareAGlobalIndex() throws Exception {
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> commits = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String aggregate = "parallel" + i;
                commits.add(threads.submit(() -> engine.appendEvents(List.of(event(aggregate, 0)))));
            }
            for (java.util.concurrent.Future<?> commit : commits) {
                commit.get();
            }
        } finally {
            threads.shutdown();
        }

        List<TrackedEventMessage<?>> all = engine.readEvents(null, false).collect(Collectors.toList());
        assertThat(all).hasSize(200);
        assertThat(all).extracting(m -> ((GapAwareTrackingToken) m.trackingToken()).getIndex())
                .doesNotHaveDuplicates();
    }

    @Test
    void trackingReadsEveryEventOnceInTheOrderItWasStored() {
        for (int i = 0; i < 30; i++) {
            engine.appendEvents(List.of(event("x" + i, 0), event("x" + i, 1), event("y" + i, 0)));
        }
        List<TrackedEventMessage<?>> all = engine.readEvents(null, false).collect(Collectors.toList());
        assertThat(all).hasSize(90);
        assertThat(texts(all).subList(0, 4)).containsExactly("x0#0", "x0#1", "y0#0", "x1#0");
        assertThat(all).extracting(m -> ((GapAwareTrackingToken) m.trackingToken()).getIndex())
                .isSorted().doesNotHaveDuplicates();

        TrackingToken middle = all.get(44).trackingToken();
        List<TrackedEventMessage<?>> rest = engine.readEvents(middle, false).collect(Collectors.toList());
        assertThat(texts(rest)).isEqualTo(texts(all.subList(45, 90)));
    }

    @Test
    void anIndexReservedByACommitStillInFlightIsDeliveredWhenItLands() {
        engine.appendEvents(List.of(event("a", 0)));
        // another writer reserved index 1 but has not inserted yet
        database.getCollection("eventcounters").updateOne(new Document("_id", ExactKeyEventStorageStrategy.COUNTER_ID),
                new Document("$inc", new Document("next", 1L)));
        engine.appendEvents(List.of(event("b", 0)));

        List<TrackedEventMessage<?>> first = engine.readEvents(null, false).collect(Collectors.toList());
        assertThat(texts(first)).containsExactly("a#0", "b#0");
        TrackingToken afterGap = first.get(1).trackingToken();
        assertThat(((GapAwareTrackingToken) afterGap).getGaps()).containsExactly(1L);

        Document late = new Document(database.getCollection("domainevents").find(new Document("aggregateIdentifier", "b"))
                .first());
        late.remove("_id");
        late.put("aggregateIdentifier", "late");
        late.put(ExactKeyEventStorageStrategy.GLOBAL_INDEX, 1L);
        database.getCollection("domainevents").insertOne(late);

        List<TrackedEventMessage<?>> then = engine.readEvents(afterGap, false).collect(Collectors.toList());
        assertThat(then).hasSize(1);
        assertThat(((GapAwareTrackingToken) then.get(0).trackingToken()).getGaps()).isEmpty();
    }

    @Test
    void aWholeWindowOfAbandonedIndicesDoesNotStallTracking() {
        engine.appendEvents(List.of(event("a", 0)));
        database.getCollection("eventcounters").updateOne(new Document("_id", ExactKeyEventStorageStrategy.COUNTER_ID),
                new Document("$inc", new Document("next", 150L)));
        engine.appendEvents(List.of(event("b", 0)));

        List<TrackedEventMessage<?>> all = engine.readEvents(null, false).collect(Collectors.toList());
        assertThat(texts(all)).containsExactly("a#0", "b#0");
    }

    // issue 10, defect 4: before the fix the last index of the stepped-over window was marked as seen and lost
    @Test
    void aCommitLargerThanABatchPolledBeforeItLandsIsDeliveredWhole() {
        engine.appendEvents(List.of(event("a", 0)));
        // a commit of 101 events (more than the batch size of 100) has reserved indices 1..101, not inserted yet
        database.getCollection("eventcounters").updateOne(new Document("_id", ExactKeyEventStorageStrategy.COUNTER_ID),
                new Document("$inc", new Document("next", 101L)));
        engine.appendEvents(List.of(event("b", 0)));

        List<TrackedEventMessage<?>> first = engine.readEvents(null, false).collect(Collectors.toList());
        assertThat(texts(first)).containsExactly("a#0", "b#0");

        Document template = new Document(database.getCollection("domainevents")
                .find(new Document("aggregateIdentifier", "b")).first());
        List<Document> landed = new ArrayList<>();
        for (long index = 1; index <= 101; index++) {
            Document late = new Document(template);
            late.remove("_id");
            late.put("aggregateIdentifier", "big");
            late.put("sequenceNumber", index - 1);
            late.put("eventIdentifier", "big-" + index);
            late.put(ExactKeyEventStorageStrategy.GLOBAL_INDEX, index);
            landed.add(late);
        }
        database.getCollection("domainevents").insertMany(landed);

        List<TrackedEventMessage<?>> then = engine.readEvents(first.get(1).trackingToken(), false)
                .collect(Collectors.toList());
        assertThat(then).extracting(org.axonframework.messaging.Message::getIdentifier)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 101)
                        .mapToObj(index -> "big-" + index).toList());
        assertThat(((GapAwareTrackingToken) then.get(100).trackingToken()).getGaps()).isEmpty();
    }

    // issue 9: the profile showed every poll at the head asking the database for a whole window of 100 indices
    @Test
    void aPollAtTheHeadAsksOnlyForIndicesAlreadyHandedOut() {
        List<Integer> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.mongodb.event.CommandListener listener = new com.mongodb.event.CommandListener() {
            @Override
            public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                org.bson.BsonDocument filter = event.getCommand().getDocument("filter", null);
                if (event.getCommandName().equals("find") && filter != null
                        && filter.containsKey(ExactKeyEventStorageStrategy.GLOBAL_INDEX)) {
                    asked.add(filter.getDocument(ExactKeyEventStorageStrategy.GLOBAL_INDEX).getArray("$in").size());
                }
            }
        };
        try (MongoClient counted = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(server.connectionString()))
                .addCommandListener(listener).build())) {
            ExactKeyMongoEventStorageEngine countedEngine = engineOn(counted.getDatabase(database.getName()));
            countedEngine.appendEvents(List.of(event("a", 0), event("a", 1), event("b", 0)));

            List<TrackedEventMessage<?>> all = countedEngine.readEvents(null, false).collect(Collectors.toList());
            assertThat(texts(all)).containsExactly("a#0", "a#1", "b#0");
            assertThat(asked).isNotEmpty().allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(3));

            asked.clear();
            List<TrackedEventMessage<?>> none = countedEngine.readEvents(all.get(2).trackingToken(), false)
                    .collect(Collectors.toList());
            assertThat(none).isEmpty();
            assertThat(asked).as("nothing new and no gaps: nothing to look up").isEmpty();
        }
    }

    @Test
    void theHeadTokenStartsAfterEverythingStored() {
        assertThat(engine.createHeadToken()).isNull();
        engine.appendEvents(List.of(event("a", 0), event("a", 1)));
        TrackingToken head = engine.createHeadToken();
        engine.appendEvents(List.of(event("a", 2)));
        assertThat(texts(engine.readEvents(head, false).collect(Collectors.toList()))).containsExactly("a#2");
    }

    private static List<String> texts(List<? extends org.axonframework.eventhandling.EventMessage<?>> messages) {
        List<String> texts = new ArrayList<>();
        for (var message : messages) {
            Object payload = message.getPayload();
            texts.add(payload instanceof Noted noted ? noted.text() : String.valueOf(payload));
        }
        return texts;
    }
}
