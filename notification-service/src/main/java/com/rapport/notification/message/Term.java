package com.rapport.notification.message;

/** A word of the bundles used as an argument, e.g. {@code payment-kind.DEPOSIT}, translated like the rest. */
public record Term(String key) {

    public static Term of(String prefix, Object value) {
        return new Term(prefix + "." + value);
    }
}
