package com.rapport.commission.payout;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** One entry's claim in {@code payout_claims}: {@code _id} = entryId, so an entry has at most one claim. */
@Document(PayoutClaim.COLLECTION)
record PayoutClaim(@Id String entryId, String batchId, Instant claimedAt) {

    static final String COLLECTION = "payout_claims";

    boolean isOlderThan(Instant moment) {
        return claimedAt != null && claimedAt.isBefore(moment);
    }
}
