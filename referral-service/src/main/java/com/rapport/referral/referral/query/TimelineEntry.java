package com.rapport.referral.referral.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.data.annotation.PersistenceCreator;

import java.time.Instant;

/**
 * One line of a referral's history: when, what ({@code type}, the event name of EVENTS.md), a sentence to read (in
 * English), the partner credited at that moment, and the line's facts as fields ({@code details}) for readers in
 * other languages. Lines kept before {@code details} existed have none.
 */
public record TimelineEntry(Instant at, String type, String summary, String partnerId,
                            @JsonInclude(JsonInclude.Include.NON_NULL) TimelineDetails details) {

    @PersistenceCreator
    public TimelineEntry {
    }

    public TimelineEntry(Instant at, String type, String summary, String partnerId) {
        this(at, type, summary, partnerId, null);
    }
}
