package com.rapport.testsupport.database;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * mongo-java-server's H2 backend that writes every change to its file before the reply leaves: the server answers
 * a request on the calling thread, so committing the MVStore here, after the request ran and before it returns, means
 * an acknowledged write is in the file (the operating system's, which a {@code kill -9} of this process does not
 * touch). The stock backend commits about once a second from a background thread, so a crash lost up to a second of
 * acknowledged writes.
 *
 * <p>Writes run one at a time and reads never alongside one (as MongoDB applies a write to a document atomically), and
 * a commit runs only between writes: it never holds half of one, and a request that changed nothing finds nothing to
 * write. Writes that ran while another's commit waited for its turn are in that commit, and answered when it is done,
 * without one of their own (a group commit): each commit rewrites every page its writes touched and the chunks'
 * metadata, so a rebuild's six concurrent writers paid that six times over. The background commit is off. Answers are
 * copies taken under the lock, because the server's answers are its stored documents themselves, which the next write
 * changes in place.
 *
 * <p>Unique indexes (every exact-key lookup of the services: events by aggregate and sequence, tracking windows by
 * global index, tokens, idempotency keys) keep the stock key order, but each key is serialized once
 * for its comparisons instead of twice per comparison ({@link IndexKeyOrder}): the profile of the pipeline benchmark
 * (issue 9) showed a third of this process's time in Java serialization inside B-tree binary searches.
 *
 * <p>Documents and index keys are written to the file in a compact form ({@link StoredForm}), not by Java
 * serialization: a file written by the stock backend is read and extended, but a file written here is no longer
 * readable by the stock backend.
 */
final class CommittingH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(CommittingH2Backend.class);

    /** The commands that change documents or collections (lower case); they run one at a time. */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
            "dropindexes", "create", "drop", "dropdatabase", "renamecollection");

    /**
     * The commands that read no document: a driver's heartbeat and handshake ({@code isMaster}), {@code ping}. They are
     * answered at once, never behind the documents' lock: a heartbeat that waited there for a long request (a sort
     * over a whole collection, with a write queued behind it) timed out after ten seconds, and every driver then
     * cleared its connection pool, failing the requests of the whole service, the long one among them.
     */
    private static final Set<String> UNLOCKED = Set.of("ismaster", "hello", "ping", "buildinfo", "whatsmyuri");

    /**
     * A few hundred kilobytes of live pages moved out of the emptiest, oldest chunks every hundred writes. A chunk's
     * space is reused only once none of its pages is live, and writes spread over a large collection leave a page or
     * two live in nearly every chunk: without this a stack's file held about one chunk per live page, and each commit
     * rewrote the metadata of the hundreds it touched. A little at a time, so that no write waits long for it.
     */
    private static final int COMPACT_EVERY = 100;
    private static final int COMPACT_BYTES = 256 * 1024;

    /**
     * How long a replaced chunk's space stays untouched. Every commit writes a chunk of its own, and the space of
     * the chunks it made obsolete is reused only after this time: with the stock 45 s, a stack committing a few
     * hundred times a second held tens of thousands of chunks and gigabytes of file, and every commit rewrote the
     * metadata of the chunks it touched (most of the database's time in a rebuild). MVStore's reasoning for the
     * wait is that the disk must have the newer chunks before the older ones' space is overwritten; the file is
     * forced to disk every second ({@link #flushEverySecond}), so three seconds keeps that promise.
     */
    private static final Duration RETENTION = Duration.ofSeconds(3);

    private final MVStore store;
    /** Numbers the writes, under the write lock. */
    private final AtomicLong writes = new AtomicLong();
    /** The writes up to this number are in the file. */
    private volatile long committed;
    /** One commit at a time; the writers waiting here are often in the commit of the one ahead of them. */
    private final Lock committing = new ReentrantLock();
    /**
     * Writes one at a time, reads alongside each other but never alongside a write: mongo-java-server reads a
     * document, then writes it, so two concurrent {@code findAndModify $inc} on one counter could both read the same
     * value. MongoDB applies each write to a document atomically and never answers half of one.
     */
    private final ReadWriteLock documents = new ReentrantReadWriteLock();

    /** The lock every request but {@link #UNLOCKED} takes, for a test to hold as a long request would. */
    ReadWriteLock documentsLock() {
        return documents;
    }

    private CommittingH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    static CommittingH2Backend open(Path file) {
        file.toAbsolutePath().getParent().toFile().mkdirs();
        MVStore store = new MVStore.Builder().fileName(file.toAbsolutePath().toString()).autoCommitDisabled().open();
        store.setRetentionTime(Math.toIntExact(RETENTION.toMillis()));
        Thread flusher = new Thread(() -> flushEverySecond(store), "database-flush");
        flusher.setDaemon(true);
        flusher.start();
        return new CommittingH2Backend(store);
    }

    /** Forces the file to disk once a second, so that a machine's crash loses at most the last second of writes. */
    private static void flushEverySecond(MVStore store) {
        while (!store.isClosed()) {
            try {
                Thread.sleep(1000);
                store.sync();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!store.isClosed()) {
                    log.warn("Could not force the database file to disk; trying again in a second", e);
                }
            }
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedDatabase(databaseName);
    }

    /** The stock database whose unique indexes compare their keys with {@link IndexKeyOrder}. */
    private final class IndexedDatabase extends H2Database {

        IndexedDatabase(String databaseName) {
            // getMvStore(), not the field: the stock constructor opens the stored databases before ours has run
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String name = getFullCollectionNamespace(collectionName);
            // the stock collection opens its documents' map by this name and gets this one, already open in our form
            MVMap<Object, Document> documents = getMvStore().openMap("databases." + name,
                    new MVMap.Builder<Object, Document>().valueType(new StoredForm()));
            MVMap<String, Object> meta = getMvStore().openMap("meta." + name);
            if (!meta.containsKey(PositionedCollection.MARK)) {
                if (!documents.isEmpty()) {
                    return super.openOrCreateCollection(collectionName, options);
                }
                meta.put(PositionedCollection.MARK, Boolean.TRUE);
            }
            return new PositionedCollection(this, collectionName, options, documents, meta, getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            // the stock index's map, by the same name and in the same file format, with keys compared faster
            MVMap<KeyValue, Object> map = getMvStore().openMap(getFullCollectionNamespace(collectionName) + "._index_"
                    + indexName, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyOrder()));
            return new ExactKeyIndex(map, indexName, keys, sparse);
        }
    }

    /**
     * The stock collection with its documents stored under the order they were written in, as MongoDB's natural order
     * is, instead of under their {@code _id} (the {@code _id} index finds them, as it does every other key). Stored
     * under a random id (UUIDs: ledger entries, notifications), each insert changed a page of its own among all the
     * collection's pages, and each commit rewrote every such page whole, a few dozen documents each: a bulk of a few
     * hundred ledger entries rewrote a few hundred pages. In write order, a bulk's inserts fill the last page or two.
     * Collections made before, holding documents under their ids, stay as they are until dropped (the meta map's mark
     * tells them apart; a collection with no documents takes the new form).
     */
    static final class PositionedCollection extends H2Collection {

        static final String MARK = "positionsInWriteOrder";

        private final MVMap<Object, Document> documents;
        private final AtomicLong next;

        PositionedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                             MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, collectionName, options, documents, meta, cursors);
            this.documents = documents;
            Object last = documents.lastKey();
            this.next = new AtomicLong(last == null ? 0 : ((Number) last).longValue() + 1);
        }

        @Override
        protected Object addDocumentInternal(Document document) {
            Long position = next.getAndIncrement();
            documents.put(position, document);
            return position;
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            if (!SortedScan.answers(orderBy, fieldSelector)) {
                return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            return SortedScan.run(documents, document -> documentMatchesQuery(document, query), orderBy, numberToSkip,
                    limit, batchSize, cursorRegistry);
        }
    }

    /**
     * The stock H2 unique index, which also serves a query that names its keys exactly <em>and more</em>, as MongoDB
     * does: the documents the keys find are then matched against the whole query. The stock index serves only a query
     * on its keys and nothing else, so {@code {_id: x, lastSequence: {$lt: n}}} (a conditional write: a projection's
     * "only over an older document", an idempotency record's attempt, a claim) read every document of the collection,
     * and such a write cost as much more as the collection had grown: a rebuild of 50,000 events spent most of its
     * time scanning the referrals it had already written.
     */
    static final class ExactKeyIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;

        ExactKeyIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        public synchronized boolean canHandle(Document query) {
            return super.canHandle(onKeys(query));
        }

        @Override
        public synchronized Iterable<Object> getPositions(Document query) {
            return super.getPositions(onKeys(query));
        }

        /** The query's conditions on this index's keys when it has one on each of them; else the query as it is. */
        private Document onKeys(Document query) {
            if (query.keySet().equals(keySet()) || !query.keySet().containsAll(keySet())) {
                return query;
            }
            Document onKeys = new Document();
            keys().forEach(key -> onKeys.put(key, query.get(key)));
            return onKeys;
        }

        @Override
        protected Object removeDocument(KeyValue keyValue) {
            return map.remove(keyValue);
        }

        @Override
        protected boolean putKeyPosition(KeyValue keyValue, Object position) {
            return map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue keyValue) {
            return map.get(keyValue);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }

    /**
     * How documents and index keys are written to the file: a document as its BSON, an index key of plain values as
     * those values, each behind a tag the stock {@link ObjectDataType} never writes; anything else (and whatever a
     * file already holds) as the stock type writes and reads it. The stock type writes both by Java serialization, a
     * new {@code ObjectOutputStream} per object: a commit rewrites every page a write touched, and the profile of
     * commission-service's rebuild had more than half of the database's commits in it.
     */
    static class StoredForm extends ObjectDataType {

        private static final byte DOCUMENT = (byte) 120;
        private static final byte INDEX_KEY = (byte) 121;
        /** The values {@link ObjectDataType} writes itself and reads back as the same class (as a key compares). */
        private static final Set<Class<?>> PLAIN = Set.of(String.class, Long.class, Integer.class, Double.class,
                Boolean.class);

        private final ThreadLocal<ByteBuf> encoded = ThreadLocal.withInitial(() -> Unpooled.buffer(1024));

        @Override
        public void write(WriteBuffer buff, Object obj) {
            if (obj instanceof Document document && writeBson(buff, document)) {
                return;
            }
            if (obj instanceof KeyValue key && isPlain(key)) {
                buff.put(INDEX_KEY).putVarInt(key.size());
                key.forEach(value -> super.write(buff, value));
                return;
            }
            super.write(buff, obj);
        }

        @Override
        public Object read(ByteBuffer buff) {
            byte tag = buff.get(buff.position());
            if (tag == DOCUMENT) {
                buff.get();
                ByteBuf bson = Unpooled.wrappedBuffer(buff.slice());
                Document document = BsonDecoder.decodeBson(bson);
                buff.position(buff.position() + bson.readerIndex());
                return document;
            }
            if (tag == INDEX_KEY) {
                buff.get();
                Object[] values = new Object[DataUtils.readVarInt(buff)];
                for (int i = 0; i < values.length; i++) {
                    values[i] = super.read(buff);
                }
                return new KeyValue(values);
            }
            return super.read(buff);
        }

        /** False, having written nothing, if the document holds a value BSON has no type for. */
        private boolean writeBson(WriteBuffer buff, Document document) {
            ByteBuf bson = encoded.get().clear();
            try {
                BsonEncoder.encodeDocument(document, bson);
            } catch (RuntimeException notBson) {
                return false;
            }
            buff.put(DOCUMENT).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
            return true;
        }

        private static boolean isPlain(KeyValue key) {
            for (Object value : key) {
                if (value != null && !PLAIN.contains(value.getClass())) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The order {@link ObjectDataType} gives index keys ({@link KeyValue} is neither a known type nor
     * {@link Comparable}: it compares the two keys' Java serializations byte by byte), with each key's bytes kept per
     * thread in a small cache by identity: a binary search compares one search key with the same page keys over and
     * over. The same order as the stock type, so the indexes of files written before stay sorted.
     */
    static final class IndexKeyOrder extends StoredForm {

        private static final int SLOTS = 1 << 12;

        private final ThreadLocal<Object[]> recent = ThreadLocal.withInitial(() -> new Object[2 * SLOTS]);

        @Override
        public int compare(Object a, Object b) {
            if (a instanceof KeyValue && b instanceof KeyValue) {
                return a == b ? 0 : compareNotNull(serialized(a), serialized(b));
            }
            return super.compare(a, b);
        }

        private byte[] serialized(Object key) {
            Object[] cache = recent.get();
            int slot = 2 * (System.identityHashCode(key) & (SLOTS - 1));
            if (cache[slot] == key) {
                return (byte[]) cache[slot + 1];
            }
            byte[] bytes = serialize(key);
            cache[slot] = key;
            cache[slot + 1] = bytes;
            return bytes;
        }
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (UNLOCKED.contains(name)) {
            return super.handleCommand(channel, database, command, query);
        }
        if (!WRITES.contains(name)) {
            Lock read = documents.readLock();
            read.lock();
            try {
                return answer(channel, database, command, query);
            } finally {
                try {
                    store.commit();
                } finally {
                    read.unlock();
                }
            }
        }
        Lock write = documents.writeLock();
        write.lock();
        long number = writes.incrementAndGet();
        try {
            Document answer = answer(channel, database, command, query);
            if (number % COMPACT_EVERY == 0) {
                compactALittle();
            }
            return answer;
        } finally {
            write.unlock();
            awaitCommitted(number);
        }
    }

    /**
     * A copy, made before the next write may run: the server answers with the stored documents themselves, which a
     * later update changes in place, and the answer is encoded after this returns (a findAndModify $inc answered with
     * the counter's value of the next increment, so two callers got the same index).
     */
    private Document answer(Channel channel, String database, String command, Document query) {
        return super.handleCommand(channel, database, command, query).cloneDeeply();
    }

    /** Returns once the write of this number is in the file: in a commit of its own, or in one it waited for. */
    private void awaitCommitted(long number) {
        if (committed >= number) {
            return;
        }
        committing.lock();
        try {
            if (committed >= number) {
                return;
            }
            // under the read lock: no write is half-way while the pages are written (reads go on); every write
            // numbered so far has finished, so the commit holds them all
            Lock read = documents.readLock();
            read.lock();
            try {
                long through = writes.get();
                store.commit();
                committed = through;
            } finally {
                read.unlock();
            }
        } finally {
            committing.unlock();
        }
    }

    /**
     * Under the write lock: the pages it moves go into this write's commit, never into half of another. A failure
     * leaves the chunks as they were, and the write has happened: its answer goes out.
     */
    private void compactALittle() {
        try {
            store.compact(100, COMPACT_BYTES);
        } catch (RuntimeException e) {
            log.warn("Moving live pages out of old chunks failed; the chunks stay as they were", e);
        }
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        try {
            return super.handleQuery(query);
        } finally {
            store.commit();
        }
    }

    @Override
    public void dropDatabase(String database) {
        try {
            super.dropDatabase(database);
        } finally {
            store.commit();
        }
    }
}
