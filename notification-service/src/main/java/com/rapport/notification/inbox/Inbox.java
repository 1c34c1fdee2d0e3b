package com.rapport.notification.inbox;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How many places one partner's inbox has handed out: each notification takes the next one, and {@link InboxEntry}
 * says which notification holds it. A document of constant size, however many notifications the partner has (the
 * list of ids it used to hold grew with every one, was rewritten whole by each, and would have met MongoDB's 16 MB
 * document limit at some hundred thousand).
 */
@Document("inboxes")
public record Inbox(@Id String partnerId, long size) {
}
