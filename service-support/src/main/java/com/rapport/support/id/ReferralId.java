package com.rapport.support.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** A referral's identity; written as a plain string in JSON and used as the Axon aggregate identifier. */
public record ReferralId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ReferralId {
        Objects.requireNonNull(value, "referralId");
    }

    public static ReferralId generate() {
        return new ReferralId(UUID.randomUUID().toString());
    }

    public static ReferralId of(String value) {
        return new ReferralId(value);
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
