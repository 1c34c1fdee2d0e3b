package com.rapport.notification.inbox;

import com.rapport.notification.config.StoreProperties;
import com.rapport.support.id.PartnerId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Writes notifications and their delivery log. Waits for the store: consumer, scheduler and delivery threads only
 * (the API reads through {@link NotificationQueries}).
 */
@Component
public class NotificationStore {

    private final ReactiveMongoTemplate mongo;
    private final Duration timeout;

    public NotificationStore(ReactiveMongoTemplate mongo, StoreProperties store) {
        this.mongo = mongo;
        this.timeout = store.timeout();
    }

    public boolean exists(String notificationId) {
        return mongo.exists(query(where("_id").is(notificationId)), Notification.class).block(timeout);
    }

    public Optional<Notification> find(String notificationId) {
        return mongo.findById(notificationId, Notification.class).blockOptional(timeout);
    }

    /** False when a notification with this id exists already (a redelivered event): nothing is changed. */
    public boolean insert(Notification notification) {
        return mongo.insert(notification).map(written -> true)
                .onErrorReturn(DuplicateKeyException.class, false)
                .block(timeout);
    }

    /** Idempotent: adding an id that is there already changes nothing. */
    public void addToInbox(PartnerId partnerId, String notificationId) {
        mongo.upsert(query(where("_id").is(partnerId.value())),
                new Update().addToSet("notificationIds", notificationId), Inbox.class).block(timeout);
    }

    public void recordDelivery(String notificationId, Channel channel, Delivery delivery) {
        mongo.updateFirst(query(where("_id").is(notificationId)),
                Update.update("deliveries." + channel.name(), delivery), Notification.class).block(timeout);
    }
}
