package com.rapport.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;
import org.bson.types.Binary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

/**
 * History for the pipeline benchmark: a service's event store grown to a given size with copies of the events of
 * aggregates the benchmark really created through the API (one referral's, or everything commission-service stored
 * about it). Each copy takes fresh ids for everything that belonged only to the original (its aggregates, client,
 * entries) and keeps what it shares with the rest of the store (the partner), so copies read and replay like real
 * referrals. They are appended after the store's head the way {@code ExactKeyEventStorageStrategy} appends: global
 * indices from the same counter, in order.
 *
 * <p>History that counts as already processed also moves every tracking token of the service past it, as if its
 * relay and processors had handled it long ago; a backlog does not. Either way the service must be stopped meanwhile
 * ({@link LocalStack#restartAfter}): the tokens are its own, and its counter is only safe to move while nobody else
 * allocates.
 */
final class StoredHistory {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String EVENTS = "domainevents";
    private static final String COUNTERS = "eventcounters";
    private static final String TOKENS = "trackingtokens";
    private static final String GAP_AWARE = "org.axonframework.eventhandling.GapAwareTrackingToken";
    private static final int BATCH = 1000;

    /** What an append did: how many events, the ids of the copied aggregates, and the store's new head. */
    record Appended(long events, Set<String> aggregates, long head) {
    }

    private final String mongoUri;
    private final String database;
    private final List<Document> template;
    private final Set<String> ownIds;

    private StoredHistory(String mongoUri, String database, List<Document> template, Set<String> ownIds) {
        this.mongoUri = mongoUri;
        this.database = database;
        this.template = template;
        this.ownIds = ownIds;
    }

    /**
     * The events of every aggregate of {@code database} whose events mention {@code id} (a referral id), in stored
     * order. Reads the whole store once: call it while the store is small.
     */
    static StoredHistory copying(String mongoUri, String database, String id) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            List<Document> all = client.getDatabase(database).getCollection(EVENTS).find().into(new ArrayList<>());
            Set<String> aggregates = new HashSet<>();
            for (Document event : all) {
                if (event.getString("aggregateIdentifier").equals(id)
                        || event.getString("serializedPayload").contains(id)) {
                    aggregates.add(event.getString("aggregateIdentifier"));
                }
            }
            List<Document> template = new ArrayList<>();
            Set<String> shared = new HashSet<>();
            for (Document event : all) {
                if (aggregates.contains(event.getString("aggregateIdentifier"))) {
                    template.add(event);
                } else {
                    shared.add(event.getString("aggregateIdentifier"));
                    shared.addAll(uuids(event.getString("serializedPayload")));
                }
            }
            if (template.isEmpty()) {
                throw new IllegalStateException(database + " holds no event about " + id);
            }
            template.sort(Comparator.comparingLong(StoredHistory::globalIndex));
            Set<String> own = new LinkedHashSet<>();
            for (Document event : template) {
                own.add(event.getString("aggregateIdentifier"));
                own.addAll(uuids(event.getString("serializedPayload")));
            }
            own.removeAll(shared);
            return new StoredHistory(mongoUri, database, template, own);
        }
    }

    /** Every stored event read once, as fast as the plain driver gets them. */
    record Read(long events, long millis) {
        double eventsPerSecond() {
            return events / (millis / 1000.0);
        }
    }

    /**
     * Reads the whole event store once with the plain driver, each document decoded and its payload touched: what a
     * rebuild cannot go below on this database (it must at least read every event). Read as a rebuild reads, by
     * windows of global indices: a single query for everything makes mongo-java-server hold every stored event at
     * once (200,000 events did not fit the database's heap).
     */
    Read readAll() {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> stored = client.getDatabase(database).getCollection(EVENTS);
            long head = head(client.getDatabase(database));
            long begin = System.nanoTime();
            long events = 0;
            long characters = 0;
            for (long from = 0; from <= head; from += BATCH) {
                List<Long> window = LongStream.rangeClosed(from, Math.min(from + BATCH - 1, head)).boxed().toList();
                for (Document event : stored.find(Filters.in("globalIndex", window))) {
                    characters += event.getString("serializedPayload").length();
                    events++;
                }
            }
            if (characters == 0 && events > 0) {
                throw new IllegalStateException("stored events without payloads");
            }
            return new Read(events, (System.nanoTime() - begin) / 1_000_000);
        }
    }

    /** How many events the store holds (its head + 1). */
    long stored() {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            return head(client.getDatabase(database)) + 1;
        }
    }

    /** Events per copy. */
    int eventsPerCopy() {
        return template.size();
    }

    /**
     * Appends copies until the store holds at least {@code total} events ({@code processed}: and moves every tracking
     * token past them). Returns what it appended. The service must be stopped.
     */
    Appended growTo(long total, boolean processed) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            long head = head(client.getDatabase(database));
            long copies = Math.max(0, (total - (head + 1) + template.size() - 1) / template.size());
            return append(client.getDatabase(database), copies, processed);
        }
    }

    /** Appends {@code copies} copies ({@code processed}: and moves every tracking token past them). */
    Appended append(long copies, boolean processed) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            return append(client.getDatabase(database), copies, processed);
        }
    }

    private Appended append(MongoDatabase db, long copies, boolean processed) {
        long head = head(db);
        if (processed) {
            requireCaughtUp(db, head);
        }
        long count = copies * template.size();
        long first = allocate(db, count);
        Set<String> aggregates = new HashSet<>();
        List<Document> batch = new ArrayList<>(BATCH);
        long index = first;
        for (long copy = 0; copy < copies; copy++) {
            Map<String, String> renamed = new HashMap<>();
            for (String id : ownIds) {
                renamed.put(id, UUID.randomUUID().toString());
            }
            for (Document original : template) {
                Document event = new Document(original);
                event.remove("_id");
                String aggregate = renamed.getOrDefault(original.getString("aggregateIdentifier"),
                        original.getString("aggregateIdentifier"));
                aggregates.add(aggregate);
                event.put("aggregateIdentifier", aggregate);
                event.put("serializedPayload", rename(original.getString("serializedPayload"), renamed));
                event.put("eventIdentifier", UUID.randomUUID().toString());
                event.put("globalIndex", index++);
                batch.add(event);
                if (batch.size() == BATCH) {
                    db.getCollection(EVENTS).insertMany(batch, new InsertManyOptions().ordered(true));
                    batch = new ArrayList<>(BATCH);
                }
            }
        }
        if (!batch.isEmpty()) {
            db.getCollection(EVENTS).insertMany(batch, new InsertManyOptions().ordered(true));
        }
        long newHead = first + count - 1;
        if (processed && count > 0) {
            moveTokensTo(db, newHead);
        }
        return new Appended(count, aggregates, Math.max(head, newHead));
    }

    /** The highest global index handed out, or -1. */
    static long head(MongoDatabase db) {
        Document counter = db.getCollection(COUNTERS).find(new Document("_id", EVENTS)).first();
        return counter == null ? -1 : counter.get("next", Number.class).longValue() - 1;
    }

    private static long allocate(MongoDatabase db, long count) {
        Document counter = db.getCollection(COUNTERS).findOneAndUpdate(new Document("_id", EVENTS),
                new Document("$inc", new Document("next", count)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return counter.get("next", Number.class).longValue() - count;
    }

    /** Moving a token that is behind would skip real events: every processor must have handled the whole store. */
    private static void requireCaughtUp(MongoDatabase db, long head) {
        for (Document token : db.getCollection(TOKENS).find()) {
            JsonNode position = tokenOf(token);
            if (position == null || position.path("index").asLong(-1) < head) {
                throw new IllegalStateException(token.getString("processorName") + " segment "
                        + token.get("segment") + " is not at the head " + head + ": " + position);
            }
        }
    }

    private static void moveTokensTo(MongoDatabase db, long index) {
        for (Document token : db.getCollection(TOKENS).find()) {
            ObjectNode position = Api.JSON.createObjectNode();
            position.put("index", index);
            position.putArray("gaps");
            db.getCollection(TOKENS).updateOne(new Document("_id", token.get("_id")), new Document("$set",
                    new Document("token", new Binary(position.toString().getBytes(StandardCharsets.UTF_8)))));
        }
    }

    private static JsonNode tokenOf(Document token) {
        if (!GAP_AWARE.equals(token.getString("tokenType")) || !(token.get("token") instanceof Binary binary)) {
            return null;
        }
        try {
            return Api.JSON.readTree(binary.getData());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long globalIndex(Document event) {
        return event.get("globalIndex", Number.class).longValue();
    }

    private static Set<String> uuids(String text) {
        Set<String> found = new HashSet<>();
        if (text != null) {
            Matcher matcher = UUID_TEXT.matcher(text);
            while (matcher.find()) {
                found.add(matcher.group());
            }
        }
        return found;
    }

    private static String rename(String text, Map<String, String> renamed) {
        if (text == null) {
            return null;
        }
        Matcher matcher = UUID_TEXT.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, renamed.getOrDefault(matcher.group(), matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
