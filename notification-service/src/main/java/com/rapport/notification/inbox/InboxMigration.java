package com.rapport.notification.inbox;

import com.rapport.notification.config.StoreProperties;
import com.rapport.support.id.PartnerId;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Inboxes written before they had places held their notifications' ids in one growing list: each id is filed at its
 * index in that list, the notification told its place, and the list dropped. Runs while the context starts, before
 * any listener takes an event (a new notification would otherwise take place 0 of an inbox whose list still holds
 * it); every step is idempotent, so a second instance starting at the same time, or a crash half-way, is harmless.
 */
@Component
class InboxMigration implements InitializingBean {

    private static final String LIST = "notificationIds";

    private final ReactiveMongoTemplate mongo;
    private final NotificationStore store;
    private final Duration timeout;

    InboxMigration(ReactiveMongoTemplate mongo, NotificationStore store, StoreProperties properties) {
        this.mongo = mongo;
        this.store = store;
        this.timeout = properties.timeout();
    }

    @Override
    public void afterPropertiesSet() {
        // one inbox at a time: an old list may be long, and no wait covers them all
        Document inbox;
        while ((inbox = mongo.findOne(query(where(LIST).exists(true)), Document.class, "inboxes")
                .block(timeout)) != null) {
            String partnerId = inbox.getString("_id");
            List<String> ids = inbox.getList(LIST, String.class);
            for (int place = 0; place < ids.size(); place++) {
                String notificationId = ids.get(place);
                store.fileInInbox(PartnerId.of(partnerId), notificationId, place);
                mongo.updateFirst(query(where("_id").is(notificationId)),
                        Update.update("inboxPosition", (long) place), Notification.class).block(timeout);
            }
            long carriedOver = mongo.updateFirst(query(where("_id").is(partnerId)),
                    new Update().max("size", (long) ids.size()).unset(LIST), Inbox.class).block(timeout)
                    .getMatchedCount();
            if (carriedOver != 1) {
                throw new IllegalStateException("the inbox of " + partnerId + " could not be carried over");
            }
        }
    }
}
