package com.rapport.notification.inbox;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Place {@code n} of a partner's inbox and the notification in it, keyed by both, so a page is read by {@code _id}
 * alone: listing costs the same on every MongoDB-wire server however many notifications exist in total. A place
 * handed out by a process that died before it wrote its notification stays empty; a page then shows one fewer.
 */
@Document("inbox-entries")
public record InboxEntry(@Id String entryId, String notificationId) {

    public static String idOf(String partnerId, long position) {
        return partnerId + "/" + position;
    }
}
