package com.rapport.notification.delivery.email;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A notification whose email waits for its partner's daily digest. Leaves the queue when the digest is sent. */
@Document("digest-queue")
public record DigestItem(@Id String notificationId, String partnerId, Instant queuedAt) {
}
