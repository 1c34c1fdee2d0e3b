package com.rapport.notification.inbox;

import com.rapport.notification.message.RenderedMessage;
import com.rapport.support.id.PartnerId;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One thing a partner is told, written once and kept as it was said, with its delivery log per channel.
 * The id is derived from the CloudEvent id and the partner, so the unique {@code _id} makes a redelivered event
 * create nothing new. {@code cloudEvent} is the source event's JSON, posted as is to the partner's webhook.
 * {@code inboxPosition} is its place in the partner's inbox ({@link InboxEntry}), taken before it was written.
 */
@Document("notifications")
public record Notification(@Id String notificationId, String eventId, String partnerId, String referralId,
                           String eventType, String language, String subject, List<String> paragraphs,
                           @Indexed Instant createdAt, Map<Channel, Delivery> deliveries, String cloudEvent,
                           Long inboxPosition) {

    public Notification {
        paragraphs = List.copyOf(paragraphs);
        deliveries = deliveries.isEmpty() ? Map.of() : new EnumMap<>(deliveries);
    }

    public static String idOf(String eventId, PartnerId partnerId) {
        return UUID.nameUUIDFromBytes((eventId + "/" + partnerId.value()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The partner told (the document keeps its id as a plain string). */
    public PartnerId recipient() {
        return PartnerId.of(partnerId);
    }

    public String body() {
        return new RenderedMessage(subject, paragraphs).body();
    }

    public Delivery delivery(Channel channel) {
        return deliveries.get(channel);
    }
}
