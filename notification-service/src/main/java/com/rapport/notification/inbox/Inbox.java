package com.rapport.notification.inbox;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/**
 * The ids of one partner's notifications, oldest first. Pages are read from it by {@code _id} alone, so listing
 * costs the same on every MongoDB-wire server however many notifications exist in total.
 */
@Document("inboxes")
public record Inbox(@Id String partnerId, List<String> notificationIds) {
}
