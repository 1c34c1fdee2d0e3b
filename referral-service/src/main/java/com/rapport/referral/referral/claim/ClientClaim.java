package com.rapport.referral.referral.claim;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;

/**
 * One claim key ({@code company:<name>} or {@code email:<address>}) held by one referral. The key is the document
 * {@code _id}, so the database's unique index decides every race: two inserts of one key cannot both succeed.
 */
@Document(ClientClaim.COLLECTION)
record ClientClaim(@Id String key, String referralId, Instant submittedAt, Instant closedAt) {

    static final String COLLECTION = "client-claims";

    /** Free for a new referral: the holder was rejected or lost and was submitted at least a window ago. */
    boolean isExpired(Instant now, Duration window) {
        return closedAt != null && !submittedAt.plus(window).isAfter(now);
    }
}
