package com.rapport.referral.referral.query;

import java.time.Instant;

/**
 * One line of a referral's history: when, what ({@code type}, the event name of EVENTS.md), a sentence to read, and
 * the partner credited at that moment.
 */
public record TimelineEntry(Instant at, String type, String summary, String partnerId) {
}
