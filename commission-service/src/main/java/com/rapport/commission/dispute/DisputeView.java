package com.rapport.commission.dispute;

import com.rapport.events.money.Money;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A dispute: {@code status} OPEN or RESOLVED; once resolved, {@code outcome} (UPHELD/DISMISSED), finance's
 * {@code note}, who resolved it and when, and the {@code adjustment} an upheld dispute booked (its ledger entry
 * {@code adjustmentEntryId}).
 * Kept as it is in {@code disputes}, {@code _id} = disputeId.
 */
@Document(DisputeProjection.DISPUTES)
public record DisputeView(@Id String disputeId, String entryId, String partnerId, String referralId, String status,
                          String message, String openedBy, Instant openedAt, DisputeOutcome outcome, String note,
                          Money adjustment, String adjustmentEntryId, String resolvedBy, Instant resolvedAt) {

    public static final String OPEN = "OPEN";
    public static final String RESOLVED = "RESOLVED";
}
