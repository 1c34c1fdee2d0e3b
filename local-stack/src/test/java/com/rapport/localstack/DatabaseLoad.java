package com.rapport.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Four clients on a database for N seconds, each loop what a command asks of it: an event index reserved with
 * {@code findAndModify $inc} on one counter, an event inserted under a unique key, three lookups by that key, and a
 * read model's document replaced by id (one of 10,000, as projections rewrite referrals). Prints the rate of the whole
 * run and of each ten seconds: a database whose commits cost more as it ages shows it in the slices.
 * {@code ops/bench/database-pair.sh} runs it against the local stack's database of several builds in turn.
 *
 * <pre>java -cp "local-stack/target/test-classes:local-stack/target/lib/*" com.rapport.localstack.DatabaseLoad PORT SECONDS</pre>
 */
final class DatabaseLoad {

    private static final int CLIENTS = 4;
    private static final int READ_MODEL_DOCUMENTS = 10_000;
    private static final long SLICE_NANOS = 10_000_000_000L;

    private DatabaseLoad() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        String uri = "mongodb://127.0.0.1:" + port;
        try (MongoClient setup = MongoClients.create(uri)) {
            setup.getDatabase("bench").getCollection("events").createIndex(Indexes.ascending("agg", "seq"),
                    new IndexOptions().unique(true));
        }
        AtomicLong loops = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        String run = UUID.randomUUID().toString();
        String payload = "x".repeat(1500);
        String readModelPayload = payload.substring(0, 400);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            String aggregates = run + "-" + c + "-";
            clients.add(pool.submit(() -> {
                try (MongoClient client = MongoClients.create(uri)) {
                    MongoDatabase db = client.getDatabase("bench");
                    MongoCollection<Document> events = db.getCollection("events");
                    MongoCollection<Document> counters = db.getCollection("counters");
                    MongoCollection<Document> readModel = db.getCollection("referrals");
                    Random random = new Random(aggregates.hashCode());
                    for (long i = 0; System.nanoTime() < end; i++) {
                        counters.findOneAndUpdate(new Document("_id", "domainevents"),
                                new Document("$inc", new Document("next", 1L)),
                                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
                        events.insertOne(new Document("agg", aggregates + i / 6).append("seq", i % 6)
                                .append("payload", payload));
                        for (long k = Math.max(0, i - 2); k <= i; k++) {
                            events.find(new Document("agg", aggregates + k / 6).append("seq", k % 6)).first();
                        }
                        String referral = "referral-" + random.nextInt(READ_MODEL_DOCUMENTS);
                        readModel.replaceOne(new Document("_id", referral), new Document("_id", referral)
                                .append("lastSequence", i).append("payload", readModelPayload),
                                new ReplaceOptions().upsert(true));
                        loops.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        long start = System.nanoTime();
        long counted = 0;
        StringBuilder slices = new StringBuilder();
        for (int slice = 1; start + slice * SLICE_NANOS <= end; slice++) {
            Thread.sleep(Math.max(0, start + slice * SLICE_NANOS - System.nanoTime()) / 1_000_000);
            long now = loops.get();
            slices.append(String.format(Locale.ROOT, " %.0f", (now - counted) / (SLICE_NANOS / 1e9)));
            counted = now;
        }
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "%.0f loops/s (%d clients, %d s); each 10 s:%s%n",
                loops.get() / (double) seconds, CLIENTS, seconds, slices);
    }
}
