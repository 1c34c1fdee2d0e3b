package com.rapport.support.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;

import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A tracking read model's writes, held while its processor handles a batch and sent when the batch is done as one
 * ordered bulk request per collection, before the token moves ({@link BeforeTokenMoves}): a batch of a hundred events
 * is two or three requests instead of a hundred and fifty, live and in a rebuild. A failed request fails the batch,
 * which the processor handles again from its token, so the writes must be idempotent (replace by id, set), as a
 * tracking read model's are anyway. Outside a batch each write is sent at once.
 *
 * <p>A handler that reads what an earlier event of the same batch wrote reads it through {@link #find}, which sees
 * held replacements (not held partial updates): a held write is not in the database yet. A read model with a
 * document per aggregate reads a whole batch's documents in one request ({@link #findOfAggregate}).
 */
public final class BatchedWrites {

    private final ReactiveMongoTemplate mongo;
    private final Duration timeout;
    private final String resource;

    /** {@code name} tells this read model's held writes from another's in the same unit of work. */
    public BatchedWrites(ReactiveMongoTemplate mongo, Duration timeout, String name) {
        this.mongo = mongo;
        this.timeout = timeout;
        this.resource = BatchedWrites.class.getName() + "." + name;
    }

    /** The document as this batch left it: its held replacement, or else the stored one (or null). */
    public <T> T find(String id, Class<T> type) {
        Held held = heldInBatch();
        Object replaced = held == null ? null : held.replaced.get(key(type, id));
        return replaced != null ? type.cast(replaced) : mongo.findById(id, type).block(timeout);
    }

    /**
     * As {@link #find}, for a read model keyed by its events' aggregate: in a batch, the first read of a {@code type}
     * reads the documents of every aggregate the batch's events came from in one request, so a batch of a rebuild
     * costs one read, not one per aggregate.
     */
    public <T> T findOfAggregate(String aggregateId, Class<T> type) {
        BatchingUnitOfWork<?> batch = batch();
        if (batch == null) {
            return mongo.findById(aggregateId, type).block(timeout);
        }
        Held held = batch.root().getOrComputeResource(resource, key -> new Held());
        Object replaced = held.replaced.get(key(type, aggregateId));
        if (replaced != null) {
            return type.cast(replaced);
        }
        Map<String, Object> read = held.readAhead.computeIfAbsent(type, t -> readAhead(batch.getMessages(), type));
        return read.containsKey(aggregateId) ? type.cast(read.get(aggregateId))
                : mongo.findById(aggregateId, type).block(timeout);
    }

    /** The stored documents of the batch's aggregates, by id; an aggregate without one maps to null. */
    private Map<String, Object> readAhead(List<? extends Message<?>> messages, Class<?> type) {
        List<String> ids = messages.stream()
                .map(message -> message instanceof DomainEventMessage<?> event ? event.getAggregateIdentifier() : null)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<String, Object> read = new HashMap<>();
        ids.forEach(id -> read.put(id, null));
        mongo.find(Query.query(Criteria.where("_id").in(ids)), type)
                .doOnNext(document -> read.put(idOf(document), document))
                .then().block(timeout);
        return read;
    }

    private String idOf(Object document) {
        return String.valueOf(mongo.getConverter().getMappingContext()
                .getRequiredPersistentEntity(document.getClass())
                .getIdentifierAccessor(document).getRequiredIdentifier());
    }

    /** Writes the whole document under {@code id}, inserting it if there is none. */
    public void replace(String id, Object document) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        hold(document.getClass(), bulk -> bulk.replaceOne(byId, document, FindAndReplaceOptions.options().upsert()),
                () -> mongo.save(document).then());
        Held held = heldInBatch();
        if (held != null) {
            held.replaced.put(key(document.getClass(), id), document);
        }
    }

    public void updateFirst(Query query, UpdateDefinition update, Class<?> type) {
        hold(type, bulk -> bulk.updateOne(query, update), () -> mongo.updateFirst(query, update, type).then());
    }

    public void updateMulti(Query query, UpdateDefinition update, Class<?> type) {
        hold(type, bulk -> bulk.updateMulti(query, update), () -> mongo.updateMulti(query, update, type).then());
    }

    /** Updates the first document the query finds, or inserts one made of the query's equalities and the update. */
    public void upsert(Query query, UpdateDefinition update, Class<?> type) {
        hold(type, bulk -> bulk.upsert(query, update), () -> mongo.upsert(query, update, type).then());
    }

    public void remove(Query query, Class<?> type) {
        hold(type, bulk -> bulk.remove(query), () -> mongo.remove(query, type).then());
    }

    private void hold(Class<?> type, Consumer<ReactiveBulkOperations> write, Supplier<Mono<Void>> now) {
        BatchingUnitOfWork<?> batch = batch();
        if (batch == null) {
            now.get().block(timeout);
            return;
        }
        Held held = batch.root().getOrComputeResource(resource, key -> new Held());
        boolean first = held.bulks.isEmpty();
        write.accept(held.bulks.computeIfAbsent(type, collection ->
                mongo.bulkOps(BulkOperations.BulkMode.ORDERED, collection)));
        BeforeTokenMoves.schedule(batch, first, () -> send(held));
    }

    private void send(Held held) {
        try {
            for (ReactiveBulkOperations bulk : held.bulks.values()) {
                bulk.execute().block(timeout);
            }
        } finally {
            held.bulks.clear();
            held.replaced.clear();
            held.readAhead.clear();
        }
    }

    private Held heldInBatch() {
        BatchingUnitOfWork<?> batch = batch();
        return batch == null ? null : batch.root().getResource(resource);
    }

    private static BatchingUnitOfWork<?> batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get() : null;
        return unitOfWork instanceof BatchingUnitOfWork<?> batch ? batch : null;
    }

    private static String key(Class<?> type, String id) {
        return type.getName() + "/" + id;
    }

    /**
     * What a batch holds: a bulk per collection, in the order first written, its replaced documents by id, and the
     * documents it read ahead by type and id.
     */
    private static final class Held {
        private final Map<Class<?>, ReactiveBulkOperations> bulks = new LinkedHashMap<>();
        private final Map<String, Object> replaced = new HashMap<>();
        private final Map<Class<?>, Map<String, Object>> readAhead = new HashMap<>();
    }
}
