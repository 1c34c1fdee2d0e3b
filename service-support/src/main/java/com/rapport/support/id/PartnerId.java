package com.rapport.support.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** A partner's identity; written as a plain string in JSON and used as the Axon aggregate identifier. */
public record PartnerId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PartnerId {
        Objects.requireNonNull(value, "partnerId");
    }

    public static PartnerId generate() {
        return new PartnerId(UUID.randomUUID().toString());
    }

    public static PartnerId of(String value) {
        return value == null ? null : new PartnerId(value);
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** Axon takes an aggregate identifier's {@code toString()}. */
    @Override
    public String toString() {
        return value;
    }
}
