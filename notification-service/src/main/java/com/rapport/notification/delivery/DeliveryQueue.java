package com.rapport.notification.delivery;

import com.rapport.notification.config.StoreProperties;
import com.rapport.notification.inbox.Channel;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The pending deliveries. Each is claimed for a lease before it is attempted, so that two dispatch passes (or two
 * instances of the service) never send the same message at once. Waits for the store: delivery threads only.
 */
@Component
public class DeliveryQueue {

    private final ReactiveMongoTemplate mongo;
    private final Duration timeout;

    public DeliveryQueue(ReactiveMongoTemplate mongo, StoreProperties store) {
        this.mongo = mongo;
        this.timeout = store.timeout();
    }

    /** Idempotent: queuing a delivery that is queued already keeps the one there (and its attempts). */
    public void enqueue(String notificationId, Channel channel, Instant dueAt) {
        mongo.insert(QueuedDelivery.first(notificationId, channel, dueAt))
                // a redelivered event: the first queuing stands
                .onErrorResume(DuplicateKeyException.class, queuedAlready -> Mono.empty())
                .block(timeout);
    }

    public List<QueuedDelivery> due(Instant now, int limit) {
        return mongo.find(query(where("dueAt").lte(now).and("claimedUntil").lte(now))
                .with(Sort.by("dueAt")).limit(limit), QueuedDelivery.class).collectList().block(timeout);
    }

    /** The delivery, now claimed by the caller until {@code now + lease}; empty when someone else holds it. */
    public Optional<QueuedDelivery> claim(QueuedDelivery delivery, Instant now, Duration lease) {
        return mongo.findAndModify(
                query(where("_id").is(delivery.id()).and("claimedUntil").lte(now)),
                Update.update("claimedUntil", now.plus(lease)),
                FindAndModifyOptions.options().returnNew(true), QueuedDelivery.class).blockOptional(timeout);
    }

    public void retryAt(QueuedDelivery delivery, int attempts, Instant dueAt) {
        mongo.updateFirst(query(where("_id").is(delivery.id())),
                Update.update("attempts", attempts).set("dueAt", dueAt).set("claimedUntil", Instant.EPOCH),
                QueuedDelivery.class).block(timeout);
    }

    public void remove(QueuedDelivery delivery) {
        mongo.remove(query(where("_id").is(delivery.id())), QueuedDelivery.class).block(timeout);
    }
}
