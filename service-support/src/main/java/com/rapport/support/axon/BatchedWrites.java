package com.rapport.support.axon;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A tracking read model's writes, held while its processor handles a batch and sent when the batch is done as one
 * ordered bulk request per collection, before the token moves ({@link BeforeTokenMoves}): a batch of a hundred events
 * is two or three requests instead of a hundred and fifty, live and in a rebuild. A failed request fails the batch,
 * which the processor handles again from its token, so the writes must be idempotent (replace by id, set), as a
 * tracking read model's are anyway. Outside a batch each write is sent at once.
 *
 * <p>Only for handlers that write without reading what an earlier event of the same batch wrote: a held write is not
 * in the database yet.
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

    /** Writes the whole document under {@code id}, inserting it if there is none. */
    public void replace(String id, Object document) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        hold(document.getClass(), bulk -> bulk.replaceOne(byId, document, FindAndReplaceOptions.options().upsert()),
                () -> mongo.save(document).then());
    }

    public void updateFirst(Query query, UpdateDefinition update, Class<?> type) {
        hold(type, bulk -> bulk.updateOne(query, update), () -> mongo.updateFirst(query, update, type).then());
    }

    public void updateMulti(Query query, UpdateDefinition update, Class<?> type) {
        hold(type, bulk -> bulk.updateMulti(query, update), () -> mongo.updateMulti(query, update, type).then());
    }

    private void hold(Class<?> type, Consumer<ReactiveBulkOperations> write, Supplier<Mono<Void>> now) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get() : null;
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch)) {
            now.get().block(timeout);
            return;
        }
        Map<Class<?>, ReactiveBulkOperations> held = batch.root().getOrComputeResource(resource,
                key -> new LinkedHashMap<>());
        boolean first = held.isEmpty();
        write.accept(held.computeIfAbsent(type, collection ->
                mongo.bulkOps(BulkOperations.BulkMode.ORDERED, collection)));
        BeforeTokenMoves.schedule(batch, first, () -> send(held));
    }

    private void send(Map<Class<?>, ReactiveBulkOperations> held) {
        try {
            for (ReactiveBulkOperations bulk : held.values()) {
                bulk.execute().block(timeout);
            }
        } finally {
            held.clear();
        }
    }
}
