package com.rapport.notification.delivery;

/** What one attempt on one channel came to. */
public record DeliveryResult(Outcome outcome, String error) {

    public enum Outcome {
        DELIVERED,
        /** Failed in a way that may pass: an unreachable server, a 5xx, a timeout. */
        FAILED_FOR_NOW,
        /** Failed in a way no retry can fix: an address that is not an address. */
        REFUSED,
        /** Not to be sent any more: the partner switched the channel off since. */
        WITHDRAWN
    }

    public static DeliveryResult delivered() {
        return new DeliveryResult(Outcome.DELIVERED, null);
    }

    public static DeliveryResult failedForNow(String error) {
        return new DeliveryResult(Outcome.FAILED_FOR_NOW, error);
    }

    public static DeliveryResult withdrawn(String reason) {
        return new DeliveryResult(Outcome.WITHDRAWN, reason);
    }

    public static DeliveryResult refused(String error) {
        return new DeliveryResult(Outcome.REFUSED, error);
    }
}
