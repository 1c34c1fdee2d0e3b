package com.rapport.notification.inbox;

import java.time.Instant;

/** One line of a notification's delivery log. */
public record Delivery(DeliveryStatus status, int attempts, String lastError, Instant lastAttemptAt) {

    public static Delivery pending() {
        return new Delivery(DeliveryStatus.PENDING, 0, null, null);
    }

    public static Delivery suppressed() {
        return new Delivery(DeliveryStatus.SUPPRESSED, 0, null, null);
    }

    /** Delivered as it was written: the live feed shows a notification the moment it exists. */
    public static Delivery sentAt(Instant at) {
        return new Delivery(DeliveryStatus.SENT, 1, null, at);
    }

    public Delivery succeeded(int attempt, Instant at) {
        return new Delivery(DeliveryStatus.SENT, attempt, lastError, at);
    }

    public Delivery failedForNow(int attempt, String error, Instant at) {
        return new Delivery(DeliveryStatus.PENDING, attempt, error, at);
    }

    public Delivery withdrawn(String reason, Instant at) {
        return new Delivery(DeliveryStatus.SUPPRESSED, attempts, reason, at);
    }

    public Delivery gaveUp(int attempt, String error, Instant at) {
        return new Delivery(DeliveryStatus.FAILED, attempt, error, at);
    }

    public boolean isPending() {
        return status == DeliveryStatus.PENDING;
    }
}
