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
public record Inbox(@Id String partnerId, long size, Long empty) {

    /**
     * The notifications filed: the places handed out less those known to stay empty (an instance that lost the race
     * to write a redelivered event's notification took a place the winner's holds instead). A place taken by a
     * process that died before writing is not known, and still counted (DECISIONS.md).
     */
    public long filed() {
        return size - (empty == null ? 0 : empty);
    }
}
