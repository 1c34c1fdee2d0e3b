package com.rapport.notification.inbox;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A notification as API.md shows it, with its delivery log in channel order. */
public record NotificationView(String notificationId, String partnerId, String referralId, String eventType,
                               String language, String subject, String body, Instant createdAt,
                               List<DeliveryView> deliveries) {

    public record DeliveryView(Channel channel, DeliveryStatus status, int attempts, String lastError) {
    }

    public static NotificationView of(Notification notification) {
        List<DeliveryView> deliveries = Arrays.stream(Channel.values())
                .map(channel -> {
                    Delivery delivery = notification.delivery(channel);
                    return delivery == null ? null : new DeliveryView(channel, delivery.status(),
                            delivery.attempts(), delivery.lastError());
                })
                .filter(Objects::nonNull)
                .toList();
        return new NotificationView(notification.notificationId(), notification.partnerId(),
                notification.referralId(), notification.eventType(), notification.language(),
                notification.subject(), notification.body(), notification.createdAt(), deliveries);
    }
}
