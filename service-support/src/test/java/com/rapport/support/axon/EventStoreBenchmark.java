package com.rapport.support.axon;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.rapport.testsupport.FreePorts;
import com.rapport.testsupport.MongoServerHandle;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * How the cost of an aggregate load and of a tracking read grows with the number of stored events, for Axon's stock
 * MongoDB strategy and for {@link ExactKeyEventStorageStrategy}, on mongo-java-server (the local stack's database).
 * <pre>
 * mvn -q -pl service-support -am -DskipTests install
 * mvn -q -pl service-support test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.rapport.support.axon.EventStoreBenchmark [-Dexec.args="10000 100000"]
 * </pre>
 */
public final class EventStoreBenchmark {

    record Happened(String what) {
    }

    public static void main(String[] args) {
        List<Integer> sizes = args.length == 0 ? List.of(10_000, 100_000) : Stream.of(args).map(Integer::parseInt).toList();
        try (MongoServerHandle server = MongoServerHandle.inMemory(FreePorts.next());
             MongoClient client = MongoClients.create(server.connectionString())) {
            System.out.printf("%-10s %12s %16s %18s%n", "strategy", "stored", "load (ms/aggr.)", "tracking (ev/s)");
            for (int size : sizes) {
                for (String name : List.of("stock", "exact-key")) {
                    MongoDatabase database = client.getDatabase(name + "-" + size);
                    EventStorageEngine engine = name.equals("stock") ? stock(database) : exactKey(database);
                    fill(engine, size);
                    System.out.printf("%-10s %12d %16.2f %18.0f%n", name, size, loadMillis(engine, size),
                            trackingPerSecond(engine));
                    database.drop();
                }
            }
        }
    }

    private static EventStorageEngine stock(MongoDatabase database) {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return MongoEventStorageEngine.builder().eventSerializer(serializer).snapshotSerializer(serializer)
                .storageStrategy(new DocumentPerEventStorageStrategy())
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build()).build();
    }

    private static EventStorageEngine exactKey(MongoDatabase database) {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return ExactKeyMongoEventStorageEngine.create(
                MongoEventStorageEngine.builder().eventSerializer(serializer).snapshotSerializer(serializer),
                new ExactKeyEventStorageStrategy(database.getCollection("eventcounters")),
                DefaultMongoTemplate.builder().mongoDatabase(database).build());
    }

    /** Aggregates of 10 events each, appended 10 at a time like a busy service would. */
    private static void fill(EventStorageEngine engine, int size) {
        for (int aggregate = 0; aggregate < size / 10; aggregate++) {
            List<DomainEventMessage<?>> events = new ArrayList<>(10);
            for (int sequence = 0; sequence < 10; sequence++) {
                events.add(new GenericDomainEventMessage<>("Bench", "agg-" + aggregate, sequence,
                        new Happened("event " + sequence)));
            }
            engine.appendEvents(events);
        }
    }

    private static double loadMillis(EventStorageEngine engine, int size) {
        int loads = 50;
        long started = System.nanoTime();
        for (int i = 0; i < loads; i++) {
            long count = engine.readEvents("agg-" + (i * 7919 % (size / 10))).asStream().count();
            if (count != 10) {
                throw new IllegalStateException("loaded " + count);
            }
        }
        return (System.nanoTime() - started) / 1e6 / loads;
    }

    /**
     * Follows the stream after the first 1,000 events, as a tracking processor would, for 5,000 events or 10 seconds,
     * whichever comes first.
     */
    private static double trackingPerSecond(EventStorageEngine engine) {
        TrackingToken middle;
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> head = stream.iterator();
            TrackedEventMessage<?> last = null;
            for (int i = 0; i < 1_000 && head.hasNext(); i++) {
                last = head.next();
            }
            middle = last.trackingToken();
        }
        long started = System.nanoTime();
        long deadline = started + 10_000_000_000L;
        long read = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(middle, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
            while (read < 5_000 && System.nanoTime() < deadline && events.hasNext()) {
                events.next();
                read++;
            }
        }
        return read / ((System.nanoTime() - started) / 1e9);
    }
}
