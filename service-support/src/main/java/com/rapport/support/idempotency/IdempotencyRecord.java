package com.rapport.support.idempotency;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.UUID;

/**
 * One {@code Idempotency-Key} of one caller: the fingerprint (a SHA-256, never the request itself: a body may hold a
 * password) of the request it was first used with and, once answered, the answer. {@code _id} is caller and key, so
 * of two concurrent first uses only one is inserted.
 */
@Document(IdempotencyRecord.COLLECTION)
record IdempotencyRecord(@Id String id, String fingerprint, String attempt, State state, Instant createdAt,
                         Instant expiresAt, Instant leaseUntil, Integer status, String contentType, String location,
                         byte[] body) {

    static final String COLLECTION = "idempotency-keys";

    enum State { IN_PROGRESS, COMPLETED }

    /** {@code attempt} names the request that holds the key: only it may answer or free it. */
    static IdempotencyRecord started(String id, String fingerprint, Instant now, IdempotencyProperties policy) {
        return new IdempotencyRecord(id, fingerprint, UUID.randomUUID().toString(), State.IN_PROGRESS, now,
                now.plus(policy.retention()), now.plus(policy.inProgressLease()), null, null, null, null);
    }
}
