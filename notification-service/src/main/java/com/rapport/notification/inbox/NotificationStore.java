package com.rapport.notification.inbox;

import com.rapport.support.id.PartnerId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Writes notifications and their delivery log. Blocking: for consumer, scheduler and delivery threads only. */
@Component
public class NotificationStore {

    private final MongoTemplate mongo;

    public NotificationStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public boolean exists(String notificationId) {
        return mongo.exists(query(where("_id").is(notificationId)), Notification.class);
    }

    public Optional<Notification> find(String notificationId) {
        return Optional.ofNullable(mongo.findById(notificationId, Notification.class));
    }

    /** False when a notification with this id exists already (a redelivered event): nothing is changed. */
    public boolean insert(Notification notification) {
        try {
            mongo.insert(notification);
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    /** Idempotent: adding an id that is there already changes nothing. */
    public void addToInbox(PartnerId partnerId, String notificationId) {
        mongo.upsert(query(where("_id").is(partnerId.value())),
                new Update().addToSet("notificationIds", notificationId), Inbox.class);
    }

    public void recordDelivery(String notificationId, Channel channel, Delivery delivery) {
        mongo.updateFirst(query(where("_id").is(notificationId)),
                Update.update("deliveries." + channel.name(), delivery), Notification.class);
    }
}
