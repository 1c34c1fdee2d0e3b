package com.rapport.events;

/** A record that no retry can fix: broken JSON, an unknown type or version, a payload that does not fit its type. */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String message) {
        super(message);
    }

    public UnprocessableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
