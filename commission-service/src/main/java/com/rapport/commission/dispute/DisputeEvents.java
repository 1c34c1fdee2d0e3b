package com.rapport.commission.dispute;

import com.rapport.events.money.Money;

import java.time.Instant;

public final class DisputeEvents {

    private DisputeEvents() {
    }

    public record DisputeOpened(String disputeId, String entryId, String partnerId, String referralId, String message,
                                String openedBy, Instant openedAt) {
    }

    /** {@code adjustmentEntryId} names the ADJUSTMENT entry an upheld dispute booked, null when none. */
    public record DisputeResolved(String disputeId, String entryId, String partnerId, DisputeOutcome outcome,
                                  String note, Money adjustment, String adjustmentEntryId, String resolvedBy) {
    }
}
