package com.rapport.notification.intake;

import com.rapport.events.UnprocessableEventException;

/** A field the contract promises: without it the event cannot be told to anyone, and retrying will not help. */
final class Required {

    private Required() {
    }

    static <T> T present(T value, String field, String type) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw new UnprocessableEventException("%s without %s".formatted(type, field));
        }
        return value;
    }
}
