package com.rapport.notification.delivery;

import com.rapport.notification.inbox.Channel;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The pending deliveries. Each is claimed for a lease before it is attempted, so that two dispatch passes (or two
 * instances of the service) never send the same message at once. Blocking: delivery threads only.
 */
@Component
public class DeliveryQueue {

    private final MongoTemplate mongo;

    public DeliveryQueue(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Idempotent: queuing a delivery that is queued already keeps the one there (and its attempts). */
    public void enqueue(String notificationId, Channel channel, Instant dueAt) {
        try {
            mongo.insert(QueuedDelivery.first(notificationId, channel, dueAt));
        } catch (DuplicateKeyException queuedAlready) {
            // a redelivered event: the first queuing stands
        }
    }

    public List<QueuedDelivery> due(Instant now, int limit) {
        return mongo.find(query(where("dueAt").lte(now).and("claimedUntil").lte(now))
                .with(Sort.by("dueAt")).limit(limit), QueuedDelivery.class);
    }

    /** The delivery, now claimed by the caller until {@code now + lease}; empty when someone else holds it. */
    public Optional<QueuedDelivery> claim(QueuedDelivery delivery, Instant now, Duration lease) {
        return Optional.ofNullable(mongo.findAndModify(
                query(where("_id").is(delivery.id()).and("claimedUntil").lte(now)),
                Update.update("claimedUntil", now.plus(lease)),
                FindAndModifyOptions.options().returnNew(true), QueuedDelivery.class));
    }

    public void retryAt(QueuedDelivery delivery, int attempts, Instant dueAt) {
        mongo.updateFirst(query(where("_id").is(delivery.id())),
                Update.update("attempts", attempts).set("dueAt", dueAt).set("claimedUntil", Instant.EPOCH),
                QueuedDelivery.class);
    }

    public void remove(QueuedDelivery delivery) {
        mongo.remove(query(where("_id").is(delivery.id())), QueuedDelivery.class);
    }
}
