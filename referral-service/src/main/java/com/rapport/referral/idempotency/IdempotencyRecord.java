package com.rapport.referral.idempotency;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One {@code Idempotency-Key} of one caller: the fingerprint of the request it was first used with and, once
 * answered, the answer. {@code _id} is caller and key, so of two concurrent first uses only one is inserted.
 */
@Document(IdempotencyRecord.COLLECTION)
record IdempotencyRecord(@Id String id, String fingerprint, State state, Instant createdAt, Instant expiresAt,
                         Instant leaseUntil, Integer status, String contentType, String location, byte[] body) {

    static final String COLLECTION = "idempotency-keys";

    enum State { IN_PROGRESS, COMPLETED }

    static IdempotencyRecord started(String id, String fingerprint, Instant now, IdempotencyPolicy policy) {
        return new IdempotencyRecord(id, fingerprint, State.IN_PROGRESS, now, now.plus(policy.retention()),
                now.plus(policy.inProgressLease()), null, null, null, null);
    }
}
