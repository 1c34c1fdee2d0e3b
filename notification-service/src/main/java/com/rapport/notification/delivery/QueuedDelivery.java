package com.rapport.notification.delivery;

import com.rapport.notification.inbox.Channel;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A delivery still to be made: it lives in MongoDB, so a restart or an outage of the mail server delays it and
 * never loses it. It leaves the queue once SENT or FAILED; the queue therefore stays small.
 */
@Document("delivery-queue")
public record QueuedDelivery(@Id String id, String notificationId, Channel channel, int attempts, @Indexed Instant dueAt,
                             Instant claimedUntil) {

    public static QueuedDelivery first(String notificationId, Channel channel, Instant dueAt) {
        return new QueuedDelivery(idOf(notificationId, channel), notificationId, channel, 0, dueAt, Instant.EPOCH);
    }

    public static String idOf(String notificationId, Channel channel) {
        return notificationId + ":" + channel.name();
    }
}
