package com.rapport.referral.referral.query;

import java.time.Instant;

/** One line of a referral's history: when, what ({@code type} as in EVENTS.md), a readable summary, and who had the credit. */
public record TimelineEntry(Instant at, String type, String summary, String partnerId) {
}
