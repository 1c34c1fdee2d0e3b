package com.rapport.testsupport.database;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.rapport.testsupport.FreePorts;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local stack's database backend: its index key order and its files are the stock ones. */
class CommittingH2BackendTest {

    @TempDir
    Path dir;

    @Nested
    class IndexKeysCompare {

        @Test
        void inTheOrderOfTheStockKeyType() {
            Random random = new Random(9);
            List<KeyValue> keys = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                keys.add(randomKey(random));
            }
            ObjectDataType stock = new ObjectDataType();
            CommittingH2Backend.IndexKeyOrder cached = new CommittingH2Backend.IndexKeyOrder();
            // twice over the same objects: the second round answers from the cache
            for (int round = 0; round < 2; round++) {
                for (KeyValue a : keys) {
                    for (int j = 0; j < 40; j++) {
                        KeyValue b = keys.get(random.nextInt(keys.size()));
                        assertThat(Integer.signum(cached.compare(a, b)))
                                .as("%s vs %s", a, b).isEqualTo(Integer.signum(stock.compare(a, b)));
                        // an equal key that is another object, as a search key always is
                        KeyValue copy = new KeyValue(a.stream().toList());
                        assertThat(cached.compare(copy, a)).isZero();
                    }
                }
            }
        }

        private KeyValue randomKey(Random random) {
            return switch (random.nextInt(4)) {
                case 0 -> new KeyValue("aggregate-" + random.nextInt(50), (long) random.nextInt(20));
                case 1 -> new KeyValue((long) random.nextInt(100_000));
                case 2 -> new KeyValue("key-" + random.nextInt(1000));
                default -> new KeyValue(random.nextInt(3) == 0 ? null : "x" + random.nextInt(9), random.nextDouble());
            };
        }
    }

    @Nested
    class AFileWrittenByTheStockBackend {

        @Test
        void isReadAndExtendedInTheCompactForm() {
            Path file = dir.resolve("rapport.mv");
            withServer(new H2Backend(file.toString()), events -> {
                events.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"),
                        new IndexOptions().unique(true));
                events.createIndex(Indexes.ascending("globalIndex"), new IndexOptions().unique(true));
                for (long i = 0; i < 300; i++) {
                    events.insertOne(event(i));
                }
            });

            CommittingH2Backend backend = CommittingH2Backend.open(file);
            withServer(backend, events -> {
                assertThat(backend.getMvStore().openMap("store.domainevents._index_globalIndex_1").getKeyType())
                        .isInstanceOf(CommittingH2Backend.IndexKeyOrder.class);
                assertThat(backend.getMvStore().openMap("databases.store.domainevents").getValueType())
                        .isInstanceOf(CommittingH2Backend.StoredForm.class);
                for (long i = 0; i < 300; i += 7) {
                    assertThat(events.find(new Document("aggregateIdentifier", "a" + i % 13)
                            .append("sequenceNumber", i)).first()).extracting(d -> d.get("globalIndex")).isEqualTo(i);
                }
                assertThat(events.find(new Document("globalIndex", new Document("$in", List.of(3L, 150L, 299L, 999L))))
                        .into(new ArrayList<>())).hasSize(3);
                assertThatThrownBy(() -> events.insertOne(event(42)))
                        .hasMessageContaining("duplicate key");
                for (long i = 300; i < 400; i++) {
                    events.insertOne(event(i));
                }
                // rewrites pages the stock backend wrote: old and new forms side by side in one page
                events.updateMany(new Document("sequenceNumber", new Document("$lt", 20L)),
                        new Document("$set", new Document("payload", "changed")));
            });
            backend.getMvStore().close();

            withServer(CommittingH2Backend.open(file), events -> {
                assertThat(events.countDocuments()).isEqualTo(400);
                for (long i = 0; i < 400; i += 11) {
                    assertThat(events.find(new Document("globalIndex", i)).first())
                            .isEqualTo(event(i).append("payload", i < 20 ? "changed" : "event " + i)
                                    .append("_id", events.find(new Document("globalIndex", i)).first().get("_id")));
                    assertThat(events.find(new Document("aggregateIdentifier", "a" + i % 13)
                            .append("sequenceNumber", i)).first()).isNotNull();
                }
                assertThatThrownBy(() -> events.insertOne(event(350)))
                        .hasMessageContaining("duplicate key");
            });
        }

        private Document event(long i) {
            return new Document("aggregateIdentifier", "a" + i % 13).append("sequenceNumber", i)
                    .append("globalIndex", i).append("payload", "event " + i);
        }

        private void withServer(MongoBackend backend, Consumer<MongoCollection<Document>> work) {
            withCollection(backend, "domainevents", work);
        }
    }

    /** referral-service drops its read models before a rebuild; the rebuild and live writes make them again. */
    @Nested
    class ADroppedCollection {

        @Test
        void isMadeAgainByTheNextWriteInTheCompactFormAndSurvivesARestart() {
            Path file = dir.resolve("dropped.mv");
            CommittingH2Backend backend = CommittingH2Backend.open(file);
            withCollectionThenClosed(backend, "referrals", referrals -> {
                for (int i = 0; i < 500; i++) {
                    referrals.insertOne(new Document("_id", "before-" + i).append("lastSequence", 1L));
                }
                referrals.drop();
                assertThat(referrals.countDocuments()).isZero();
                referrals.replaceOne(new Document("_id", "after").append("lastSequence", new Document("$lt", 5L)),
                        new Document("_id", "after").append("lastSequence", 5L), new ReplaceOptions().upsert(true));
                assertThat(backend.getMvStore().openMap("databases.store.referrals").getValueType())
                        .isInstanceOf(CommittingH2Backend.StoredForm.class);
            });

            withCollection(CommittingH2Backend.open(file), "referrals", referrals ->
                    assertThat(referrals.find().into(new ArrayList<>()))
                            .containsExactly(new Document("_id", "after").append("lastSequence", 5L)));
        }
    }

    /** Documents stored in the order they were written (MongoDB's natural order), found by their ids' index. */
    @Nested
    class DocumentsOfACollection {

        @Test
        void areKeptInTheOrderTheyWereWrittenAcrossARestart() {
            Path file = dir.resolve("positions.mv");
            withCollectionThenClosed(CommittingH2Backend.open(file), "entries", entries ->
                    List.of("c", "a", "d").forEach(id -> entries.insertOne(new Document("_id", id).append("n", id))));

            withCollection(CommittingH2Backend.open(file), "entries", entries -> {
                entries.insertOne(new Document("_id", "b"));
                entries.replaceOne(new Document("_id", "a"), new Document("_id", "a").append("n", "changed"));
                entries.deleteOne(new Document("_id", "d"));
                entries.insertOne(new Document("_id", "e"));

                assertThat(idsOf(entries.find())).containsExactly("c", "a", "b", "e");
                assertThat(entries.find(new Document("_id", "a")).first()).containsEntry("n", "changed");
                assertThat(entries.countDocuments()).isEqualTo(4);
                assertThatThrownBy(() -> entries.insertOne(new Document("_id", "c")))
                        .hasMessageContaining("duplicate key");
            });
        }

        @Test
        void ofACollectionWrittenUnderTheirIdsStayThereAndAreExtended() {
            Path file = dir.resolve("ids.mv");
            withCollection(new H2Backend(file.toString()), "entries", entries ->
                    List.of("c", "a").forEach(id -> entries.insertOne(new Document("_id", id))));

            withCollectionThenClosed(CommittingH2Backend.open(file), "entries", entries -> {
                entries.insertOne(new Document("_id", "b"));
                entries.replaceOne(new Document("_id", "a"), new Document("_id", "a").append("n", "changed"));

                assertThat(idsOf(entries.find())).containsExactly("a", "b", "c");
                assertThat(entries.find(new Document("_id", "a")).first()).containsEntry("n", "changed");
                assertThatThrownBy(() -> entries.insertOne(new Document("_id", "c")))
                        .hasMessageContaining("duplicate key");
            });
        }

        @Test
        void insertedUnderRandomIdsFillTheLastPagesInsteadOfRewritingAPageEach() {
            Path underIds = dir.resolve("under-ids.mv");
            withCollection(new H2Backend(underIds.toString()), "entries", entries -> entries.insertMany(entries(5000)));
            Path inWriteOrder = dir.resolve("in-write-order.mv");
            withCollectionThenClosed(CommittingH2Backend.open(inWriteOrder), "entries",
                    entries -> entries.insertMany(entries(5000)));

            long rewritten = bytesWrittenByABulkOf200(CommittingH2Backend.open(underIds));
            long appended = bytesWrittenByABulkOf200(CommittingH2Backend.open(inWriteOrder));

            assertThat(appended).isLessThan(rewritten / 3);
        }

        private long bytesWrittenByABulkOf200(CommittingH2Backend backend) {
            long[] written = new long[1];
            withCollectionThenClosed(backend, "entries", entries -> {
                long before = bytesWritten(backend.getMvStore());
                entries.insertMany(entries(200));
                written[0] = bytesWritten(backend.getMvStore()) - before;
            });
            return written[0];
        }

        /** The file store counts what it wrote, but has no getter for it. */
        private static long bytesWritten(MVStore store) {
            try {
                java.lang.reflect.Field field = org.h2.mvstore.FileStore.class.getDeclaredField("writeBytes");
                field.setAccessible(true);
                return ((java.util.concurrent.atomic.AtomicLong) field.get(store.getFileStore())).get();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        private static List<Document> entries(int count) {
            List<Document> entries = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                entries.add(new Document("_id", java.util.UUID.randomUUID().toString())
                        .append("explanation", "5% of EUR 2,469.00 received (instalment " + i + " of 3)")
                        .append("basis", "x".repeat(400))); // about the size of a ledger entry
            }
            return entries;
        }

        private static List<String> idsOf(Iterable<Document> documents) {
            List<String> ids = new ArrayList<>();
            documents.forEach(document -> ids.add(document.getString("_id")));
            return ids;
        }
    }

    @Nested
    class AQueryOnAUniqueKeyAndMore {

        /** What each service's conditional writes look like: a document by its id, if it is still as expected. */
        @Test
        void isServedByTheIndexAndMatchedOnTheRest() {
            MVStore store = new MVStore.Builder().open();
            CommittingH2Backend.ExactKeyIndex byId = new CommittingH2Backend.ExactKeyIndex(store.openMap("ids"), "_id_",
                    List.of(new IndexKey("_id", true)), false);
            CommittingH2Backend.ExactKeyIndex byEventKey = new CommittingH2Backend.ExactKeyIndex(store.openMap("keys"),
                    "aggregateIdentifier_1_sequenceNumber_1", List.of(new IndexKey("aggregateIdentifier", true),
                    new IndexKey("sequenceNumber", true)), false);

            assertThat(byId.canHandle(asServerSees("_id", "r1", "lastSequence", asServerSees("$lt", 7L)))).isTrue();
            assertThat(byId.canHandle(asServerSees("_id", "f1", "$and", List.of(asServerSees("$or",
                    List.of(asServerSees("toldIn", null), asServerSees("toldIn", "n1"))))))).isTrue();
            assertThat(byId.canHandle(asServerSees("_id", asServerSees("$in", List.of("a", "b")), "attempt", 2)))
                    .isTrue();
            assertThat(byEventKey.canHandle(asServerSees("aggregateIdentifier", "a", "sequenceNumber", 3L, "type",
                    "x"))).isTrue();
            // without a condition on every key of the index, the collection is read as before
            assertThat(byEventKey.canHandle(asServerSees("aggregateIdentifier", "a", "type", "x"))).isFalse();
            assertThat(byId.canHandle(asServerSees("lastSequence", asServerSees("$lt", 7L)))).isFalse();
            // what the stock index cannot serve stays unserved
            assertThat(byId.canHandle(asServerSees("_id", asServerSees("$gt", "a"), "lastSequence", 1L))).isFalse();
            store.close();
        }

        @Test
        void findsWhatReadingTheWholeCollectionFinds() {
            Served served = Served.on(CommittingH2Backend.open(dir.resolve("conditional.mv")));
            try (MongoClient client = MongoClients.create(served.uri())) {
                MongoCollection<Document> referrals = client.getDatabase("store").getCollection("referrals");
                for (int i = 0; i < 50; i++) {
                    referrals.insertOne(new Document("_id", "r" + i).append("lastSequence", (long) i % 5)
                            .append("toldIn", i % 2 == 0 ? null : "n" + i));
                }

                // only over an older document, as the referral projection writes
                Document newer = new Document("_id", "r3").append("lastSequence", 9L).append("toldIn", null);
                assertThat(referrals.replaceOne(query("_id", "r3", "lastSequence", query("$lt", 9L)), newer)
                        .getModifiedCount()).isEqualTo(1);
                assertThat(referrals.replaceOne(query("_id", "r3", "lastSequence", query("$lt", 4L)), newer)
                        .getMatchedCount()).isZero();
                assertThat(referrals.find(query("_id", "r3")).first()).isEqualTo(newer);

                // claimed once, by whoever comes first, as a notification claims a commission fact
                Document untold = query("_id", "r4", "$or", List.of(query("toldIn", null), query("toldIn", "n9")));
                assertThat(referrals.updateOne(untold, query("$set", query("toldIn", "n9"))).getModifiedCount())
                        .isEqualTo(1);
                assertThat(referrals.updateOne(query("_id", "r4", "$or", List.of(query("toldIn", null),
                        query("toldIn", "n8"))), query("$set", query("toldIn", "n8"))).getMatchedCount()).isZero();

                assertThat(referrals.find(query("_id", query("$in", List.of("r1", "r2", "r7", "r9")), "toldIn",
                        query("$ne", null))).map(d -> d.getString("_id")).into(new ArrayList<>()))
                        .containsExactlyInAnyOrder("r1", "r7", "r9");
                assertThat(referrals.deleteOne(query("_id", "r5", "lastSequence", 3L)).getDeletedCount()).isZero();
                assertThat(referrals.deleteOne(query("_id", "r5", "lastSequence", 0L)).getDeletedCount()).isOne();
                assertThat(referrals.countDocuments()).isEqualTo(49);
            } finally {
                served.server().shutdownNow();
            }
        }

        /** A query as the server hands it to an index. */
        private static de.bwaldvogel.mongo.bson.Document asServerSees(Object... keysAndValues) {
            de.bwaldvogel.mongo.bson.Document query = new de.bwaldvogel.mongo.bson.Document();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                query.append((String) keysAndValues[i], keysAndValues[i + 1]);
            }
            return query;
        }

    }

    @Nested
    class ConcurrentWritesOfOneDocument {

        /**
         * Two instances of a service reserve global event indices with {@code findOneAndUpdate $inc} on one counter.
         * MongoDB applies each atomically; mongo-java-server reads, then writes, so two clients could get the same
         * index and the second event failed on the unique index (a payment answered with a ConcurrencyException in
         * PipelineBenchmark's two-instance phase).
         */
        @Test
        void areAppliedOneAfterTheOtherAsMongoDbDoes() throws Exception {
            Served served = Served.on(CommittingH2Backend.open(dir.resolve("counter.mv")));
            int clients = 4;
            int increments = 150;
            ExecutorService threads = Executors.newFixedThreadPool(clients);
            try {
                List<Future<List<Long>>> results = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    results.add(threads.submit(() -> {
                        // a client of its own each: another connection, as another instance has
                        try (MongoClient client = MongoClients.create(served.uri())) {
                            MongoCollection<Document> counters = client.getDatabase("store").getCollection("counters");
                            List<Long> got = new ArrayList<>();
                            for (int i = 0; i < increments; i++) {
                                got.add(counters.findOneAndUpdate(new Document("_id", "domainevents"),
                                        new Document("$inc", new Document("next", 1L)),
                                        new FindOneAndUpdateOptions().upsert(true)
                                                .returnDocument(ReturnDocument.AFTER)).getLong("next"));
                            }
                            return got;
                        }
                    }));
                }
                List<Long> all = new ArrayList<>();
                for (Future<List<Long>> result : results) {
                    all.addAll(result.get(2, TimeUnit.MINUTES));
                }

                assertThat(all).doesNotHaveDuplicates().hasSize(clients * increments);
                assertThat(all.stream().mapToLong(Long::longValue).max()).hasValue((long) clients * increments);
            } finally {
                threads.shutdownNow();
                served.server().shutdownNow();
            }
        }
    }

    @Nested
    class WritesOfManyClients {

        /**
         * A write is answered only once it is in the file, but it need not be in a commit of its own: the writes
         * that ran while the commit ahead of them waited are in it. Every commit is a version of the file, so the
         * file's version counts them.
         */
        @Test
        void shareCommitsAndEveryAcknowledgedOneIsInTheFile() throws Exception {
            Path file = dir.resolve("group.mv");
            Served served = Served.on(CommittingH2Backend.open(file));
            int clients = 8;
            int inserts = 100;
            ExecutorService threads = Executors.newFixedThreadPool(clients);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    done.add(threads.submit(() -> {
                        try (MongoClient mongo = MongoClients.create(served.uri())) {
                            MongoCollection<Document> entries = mongo.getDatabase("store").getCollection("entries");
                            for (int i = 0; i < inserts; i++) {
                                entries.insertOne(new Document("_id", client + "-" + i).append("amount", i));
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> client : done) {
                    client.get(2, TimeUnit.MINUTES);
                }
            } finally {
                threads.shutdownNow();
                served.server().shutdownNow();
            }

            MVStore stored = MVStore.open(file.toString());
            long versions = stored.getCurrentVersion();
            stored.close();
            assertThat(versions).as("commits for %d writes", clients * inserts).isLessThan(clients * inserts);
            withCollection(CommittingH2Backend.open(file), "entries", entries ->
                    assertThat(entries.countDocuments()).isEqualTo(clients * inserts));
        }
    }

    @Nested
    class ReplacedChunks {

        private static final int DOCUMENTS = 200;

        /**
         * Every commit writes a chunk; its space is reused once none of its pages is live and the retention time has
         * passed. With the stock 45 s, a database committing a thousand times a second grew by tens of megabytes a
         * second, and its commits slowed as the chunks to account for piled up.
         */
        @Test
        void areReusedWithinSecondsSoTheFileStopsGrowing() throws Exception {
            Path file = dir.resolve("aging.mv");
            Served served = Served.on(CommittingH2Backend.open(file));
            try (MongoClient client = MongoClients.create(served.uri())) {
                MongoCollection<Document> readModel = client.getDatabase("store").getCollection("referrals");
                List<Document> referrals = new ArrayList<>();
                for (int i = 0; i < DOCUMENTS; i++) {
                    referrals.add(new Document("_id", "r" + i).append("lastSequence", 0L));
                }
                readModel.insertMany(referrals);
                Random random = new Random(5);
                long sizeAtHalf = 0;
                long writesAtHalf = 0;
                long writes = 0;
                long start = System.nanoTime();
                for (; System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10); writes++) {
                    String id = "r" + random.nextInt(DOCUMENTS);
                    readModel.replaceOne(new Document("_id", id), new Document("_id", id).append("lastSequence", writes),
                            new com.mongodb.client.model.ReplaceOptions().upsert(true));
                    if (sizeAtHalf == 0 && System.nanoTime() - start > TimeUnit.SECONDS.toNanos(5)) {
                        sizeAtHalf = java.nio.file.Files.size(file);
                        writesAtHalf = writes + 1;
                    }
                }
                // The second half wrote its chunks mostly into the space the first half left behind: per write, the
                // file grew by less than half as much. (A file that kept every chunk grows the same per write. One
                // that reuses them holds the last seconds' chunks, which grows only as the rate of writes does: the
                // JIT makes the second half faster, and a file twice as big was a flaky bound on that.)
                double grewPerWriteFirst = (double) sizeAtHalf / writesAtHalf;
                double grewPerWriteSecond = (double) (java.nio.file.Files.size(file) - sizeAtHalf) / (writes - writesAtHalf);
                assertThat(grewPerWriteSecond).isLessThan(grewPerWriteFirst / 2);
                assertThat(readModel.countDocuments()).isEqualTo(DOCUMENTS);
            } finally {
                served.server().shutdownNow();
            }
        }
    }

    @Nested
    class AChunkLeftHoldingAFewLivePages {

        /**
         * Writes spread over a large collection leave a live page or two in nearly every chunk, and such a chunk
         * never empties by itself: without compaction they piled up, and each commit rewrote more of their metadata.
         */
        @Test
        void isEmptiedByTheWritesThatFollowAndItsSpaceReused() throws Exception {
            Path file = dir.resolve("spread.mv");
            CommittingH2Backend backend = CommittingH2Backend.open(file);
            Served served = Served.on(backend);
            try (MongoClient client = MongoClients.create(served.uri())) {
                MongoCollection<Document> readModel = client.getDatabase("store").getCollection("referrals");
                readModel.insertOne(new Document("_id", "first"));
                Set<String> before = chunks(backend);
                List<Document> referrals = new ArrayList<>();
                for (int i = 0; i < 2000; i++) {
                    referrals.add(new Document("_id", "r" + i).append("kind", "r").append("payload", "x".repeat(100)));
                }
                for (int i = 0; i < 50; i++) {
                    referrals.add(new Document("_id", "z" + i).append("kind", "z"));
                }
                readModel.insertMany(referrals);
                Set<String> written = new HashSet<>(chunks(backend));
                written.removeAll(before);
                // what is left of that chunk: the pages of the z documents, which nothing writes again
                readModel.deleteMany(new Document("kind", "r"));
                assertThat(chunks(backend)).containsAll(written);

                Thread.sleep(3500);
                MongoCollection<Document> other = client.getDatabase("store").getCollection("tokens");
                // every hundredth write compacts a little: three chances
                for (int i = 0; i < 300; i++) {
                    other.insertOne(new Document("_id", "t" + i));
                }

                assertThat(chunks(backend)).doesNotContainAnyElementsOf(written);
                assertThat(readModel.countDocuments(new Document("kind", "z"))).isEqualTo(50);
            } finally {
                served.server().shutdownNow();
            }
        }

        private Set<String> chunks(CommittingH2Backend backend) {
            return backend.getMvStore().getLayoutMap().keySet().stream().filter(key -> key.startsWith("chunk."))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    @Nested
    class DocumentsAndKeysAreStored {

        @Test
        void asBsonAndPlainValuesNotJavaSerialization() {
            CommittingH2Backend.StoredForm form = new CommittingH2Backend.StoredForm();
            de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "e-1")
                    .append("amount", new de.bwaldvogel.mongo.bson.Document("value", "123.45")
                            .append("currency", "EUR"))
                    .append("createdAt", java.time.Instant.parse("2026-12-03T06:00:00Z"));
            assertThat(written(form, document)[0]).isEqualTo((byte) 120);
            assertThat(written(form, document)).hasSizeLessThan(written(new ObjectDataType(), document).length / 3);
            KeyValue key = new KeyValue("aggregate-7", 12L);
            assertThat(written(form, key)[0]).isEqualTo((byte) 121);
            assertThat(written(form, key)).hasSizeLessThan(written(new ObjectDataType(), key).length / 3);
        }

        @Test
        void andReadBackAsTheyWere() {
            CommittingH2Backend.StoredForm form = new CommittingH2Backend.StoredForm();
            List<Object> values = List.of(
                    new de.bwaldvogel.mongo.bson.Document("_id", new de.bwaldvogel.mongo.bson.ObjectId())
                            .append("int", 7).append("long", 7L).append("double", 0.1).append("true", true)
                            .append("null", null).append("text", "Grüße, 注文")
                            .append("list", List.of(1, "two", List.of(3L)))
                            .append("at", java.time.Instant.ofEpochMilli(1_764_700_000_123L))
                            .append("bytes", new byte[] {1, 2, 3}),
                    new KeyValue("a", 1L, 2, 0.5, true, null),
                    // not plain: written as the stock type writes it, and read back the same
                    new KeyValue(new de.bwaldvogel.mongo.bson.ObjectId(), "x"),
                    "a plain string", 42L);
            for (Object value : values) {
                org.h2.mvstore.WriteBuffer buffer = new org.h2.mvstore.WriteBuffer();
                form.write(buffer, value);
                form.write(buffer, "next");
                java.nio.ByteBuffer stored = buffer.getBuffer().flip();
                Object read = form.read(stored);
                if (value instanceof de.bwaldvogel.mongo.bson.Document document) {
                    de.bwaldvogel.mongo.bson.Document back = (de.bwaldvogel.mongo.bson.Document) read;
                    assertThat(back.keySet()).containsExactlyElementsOf(document.keySet());
                    // an array is equal only to itself: compared by content, the rest as documents
                    assertThat((byte[]) back.remove("bytes")).isEqualTo(document.get("bytes"));
                    de.bwaldvogel.mongo.bson.Document expected = document.clone();
                    expected.remove("bytes");
                    assertThat(back).isEqualTo(expected);
                } else {
                    assertThat(read).isEqualTo(value);
                }
                // the read ends where the value ended
                assertThat(form.read(stored)).isEqualTo("next");
                if (value instanceof KeyValue key) {
                    assertThat(new CommittingH2Backend.IndexKeyOrder().compare(read, key)).isZero();
                }
            }
        }

        private byte[] written(ObjectDataType type, Object value) {
            org.h2.mvstore.WriteBuffer buffer = new org.h2.mvstore.WriteBuffer();
            type.write(buffer, value);
            java.nio.ByteBuffer bytes = buffer.getBuffer().flip();
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            return copy;
        }
    }

    @Nested
    class WhileALongRequestHoldsTheDocuments {

        @TempDir
        Path dir;

        @Test
        void theDriversHeartbeatIsAnsweredAndReadsWait() throws Exception {
            CommittingH2Backend backend = CommittingH2Backend.open(dir.resolve("busy.mv"));
            Served served = Served.on(backend);
            ExecutorService requests = Executors.newFixedThreadPool(2);
            try (MongoClient client = MongoClients.create(served.uri())) {
                MongoCollection<Document> entries = client.getDatabase("store").getCollection("entries");
                entries.insertOne(new Document("_id", "e1"));

                Lock documents = backend.documentsLock().writeLock();
                documents.lock();
                Future<Document> read;
                try {
                    // as the driver's monitor asks every ten seconds, and each new connection once
                    Future<Document> heartbeat = requests.submit(() ->
                            client.getDatabase("admin").runCommand(new Document("isMaster", 1)));
                    assertThat(heartbeat.get(5, TimeUnit.SECONDS).get("ismaster")).isEqualTo(true);
                    assertThat(client.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok"))
                            .isEqualTo(1.0);

                    read = requests.submit(() -> entries.find(query("_id", "e1")).first());
                    Thread.sleep(300);
                    assertThat(read).isNotDone();
                } finally {
                    documents.unlock();
                }
                assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(new Document("_id", "e1"));
            } finally {
                requests.shutdownNow();
                served.server().shutdownNow();
            }
        }
    }

    @Nested
    class ASortedQueryOverTheWholeCollection {

        @TempDir
        Path dir;

        @Test
        void returnsTheStockOrderBatchByBatch() {
            Random random = new Random(42);
            withCollection(CommittingH2Backend.open(dir.resolve("sorted.mv")), "entries", entries -> {
                for (int i = 0; i < 700; i++) {
                    Document document = new Document("_id", "d" + random.nextInt(1_000_000) + "-" + i);
                    // same days and same times often, so the later keys and the stored order decide ties
                    putSometimes(random, document, "day", "2026-0" + (1 + random.nextInt(3)));
                    putSometimes(random, document, "at", new java.util.Date(1_000L * random.nextInt(20)));
                    putSometimes(random, document, "amount", random.nextBoolean() ? random.nextInt(5)
                            : random.nextInt(5) + 0.5);
                    putSometimes(random, document, "tags", List.of("t" + random.nextInt(3),
                            "t" + random.nextInt(3)));
                    document.append("nested", new Document("rank", random.nextInt(4)));
                    document.append("kind", random.nextInt(3));
                    entries.insertOne(document);
                }
                // naming fields to return takes the stock path: every document sorted whole, held whole
                Document everyField = query("day", 1, "at", 1, "amount", 1, "tags", 1, "nested", 1, "kind", 1);
                for (Document sort : List.of(query("day", 1, "at", 1, "_id", 1), query("at", -1, "amount", 1),
                        query("tags", 1), query("nested.rank", -1, "day", -1), query("amount", 1))) {
                    for (Document filter : List.of(new Document(), query("kind", 1))) {
                        List<String> stock = ids(entries.find(filter).projection(everyField).sort(sort));
                        assertThat(stock).hasSize(ids(entries.find(filter)).size());
                        assertThat(ids(entries.find(filter).sort(sort).batchSize(50)))
                                .as("sorted by %s where %s", sort, filter)
                                .containsExactlyElementsOf(stock);
                        assertThat(ids(entries.find(filter).sort(sort).skip(30).limit(120).batchSize(7)))
                                .containsExactlyElementsOf(stock.subList(30, Math.min(stock.size(), 150)));
                    }
                }
            });
        }

        @Test
        void readsEachDocumentWhenItsBatchIsAskedFor() {
            withCollection(CommittingH2Backend.open(dir.resolve("cursor.mv")), "entries", entries -> {
                for (int i = 0; i < 30; i++) {
                    entries.insertOne(new Document("_id", "e" + i).append("day", 100 - i).append("state", "open"));
                }
                try (MongoCursor<Document> cursor = entries.find().sort(query("day", 1)).batchSize(10).iterator()) {
                    List<String> seen = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        seen.add(cursor.next().getString("_id"));
                    }
                    // after the first batch left: one gone, one changed (the stock cursor held them as they were)
                    entries.deleteOne(query("_id", "e15"));
                    entries.updateOne(query("_id", "e5"), query("$set", query("state", "paid")));
                    List<Document> rest = new ArrayList<>();
                    cursor.forEachRemaining(rest::add);

                    assertThat(seen).containsExactly("e29", "e28", "e27", "e26", "e25", "e24", "e23", "e22", "e21",
                            "e20");
                    assertThat(rest).extracting(d -> d.getString("_id")).hasSize(19).doesNotContain("e15")
                            .startsWith("e19", "e18", "e17", "e16", "e14").endsWith("e1", "e0");
                    assertThat(rest).filteredOn(d -> d.getString("_id").equals("e5"))
                            .extracting(d -> d.getString("state")).containsExactly("paid");
                }
            });
        }

        private static void putSometimes(Random random, Document document, String key, Object value) {
            int dice = random.nextInt(10);
            if (dice == 0) {
                document.append(key, null);
            } else if (dice > 1) {
                document.append(key, value);
            }
        }

        private static List<String> ids(Iterable<Document> documents) {
            List<String> ids = new ArrayList<>();
            documents.forEach(document -> ids.add(document.getString("_id")));
            return ids;
        }
    }

    private static Document query(Object... keysAndValues) {
        Document query = new Document();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            query.append((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return query;
    }

    /** The backend served through the wire on a free port, which {@code uri} reaches. */
    private record Served(MongoServer server, String uri) {

        static Served on(MongoBackend backend) {
            MongoServer server = new MongoServer(backend);
            int port = FreePorts.next();
            server.bind("127.0.0.1", port);
            return new Served(server, "mongodb://127.0.0.1:" + port);
        }
    }

    /** As {@link #withCollection}, then the file closed, as a database that stops leaves it. */
    private static void withCollectionThenClosed(CommittingH2Backend backend, String collection,
                                                 Consumer<MongoCollection<Document>> work) {
        withCollection(backend, collection, work);
        backend.getMvStore().close();
    }

    /** A server on the backend, and one of its database {@code store}'s collections through the wire. */
    private static void withCollection(MongoBackend backend, String collection,
                                       Consumer<MongoCollection<Document>> work) {
        Served served = Served.on(backend);
        try (MongoClient client = MongoClients.create(served.uri())) {
            work.accept(client.getDatabase("store").getCollection(collection));
        } finally {
            served.server().shutdownNow();
        }
    }
}
