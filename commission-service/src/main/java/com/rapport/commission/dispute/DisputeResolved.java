package com.rapport.commission.dispute;

import com.rapport.events.money.Money;

/** {@code adjustmentEntryId} names the ADJUSTMENT entry an upheld dispute booked, null when none. */
public record DisputeResolved(String disputeId, String entryId, String partnerId, DisputeOutcome outcome,
                              String note, Money adjustment, String adjustmentEntryId, String resolvedBy) {
}
