package com.rapport.notification.intake;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A referral event whose notification waits, briefly: for the commission it can mention (the rate locked on a
 * contract, the commission earned by a payment), which travels on another topic and usually arrives within moments,
 * or behind an earlier event of the same referral that waits, so that a referral's events are told in order.
 * {@code position} orders the events of one referral; at {@code releaseAt} the event goes out without what it waited
 * for. Kept in MongoDB, so a restart does not lose it.
 */
@Document("held-events")
public record HeldEvent(@Id String eventId, @Indexed String referralId, long position, String cloudEvent,
                        @Indexed Instant releaseAt) {
}
