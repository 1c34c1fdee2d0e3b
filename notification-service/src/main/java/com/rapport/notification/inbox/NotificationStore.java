package com.rapport.notification.inbox;

import com.rapport.notification.config.StoreProperties;
import com.rapport.support.id.PartnerId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

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

    private static final String NOTIFICATIONS = "notifications";

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

    /** The place the notification holds in its partner's inbox, if it was written with one. */
    public Optional<Long> placeOf(String notificationId) {
        Query query = query(where("_id").is(notificationId));
        query.fields().include("inboxPosition");
        return mongo.findOne(query, org.bson.Document.class, NOTIFICATIONS).blockOptional(timeout)
                .map(found -> found.get("inboxPosition") instanceof Number position ? position.longValue() : null);
    }

    /** The next place in the partner's inbox, never handed out before (by any instance). */
    public long nextPlace(PartnerId partnerId) {
        Inbox inbox = mongo.findAndModify(query(where("_id").is(partnerId.value())), new Update().inc("size", 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Inbox.class).block(timeout);
        return inbox.size() - 1;
    }

    /** A place this instance took stays empty: its notification holds another one. */
    public void leaveEmpty(PartnerId partnerId) {
        mongo.updateFirst(query(where("_id").is(partnerId.value())), new Update().inc("empty", 1L), Inbox.class)
                .block(timeout);
    }

    /** Idempotent: filing a notification at the place it holds again changes nothing. */
    public void fileInInbox(PartnerId partnerId, String notificationId, long place) {
        mongo.insert(new InboxEntry(InboxEntry.idOf(partnerId.value(), place), notificationId))
                .then().onErrorResume(DuplicateKeyException.class, filed -> Mono.empty())
                .block(timeout);
    }

    public void recordDelivery(String notificationId, Channel channel, Delivery delivery) {
        mongo.updateFirst(query(where("_id").is(notificationId)),
                Update.update("deliveries." + channel.name(), delivery), Notification.class).block(timeout);
    }
}
