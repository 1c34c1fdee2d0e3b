package com.rapport.commission.adjustment;

import com.rapport.events.money.Money;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An ADJUSTMENT ledger entry, payable at once ({@code bookedOn}): from an approved adjustment
 * ({@code adjustmentId} set) or an upheld dispute ({@code disputeId} set). {@code approvedBy} is the second pair
 * of eyes: the approver, or the finance user who resolved the dispute.
 */
public record AdjustmentBooked(String entryId, String adjustmentId, String disputeId, String partnerId,
                               String referralId, Money amount, String reason, String proposedBy,
                               String approvedBy, LocalDate bookedOn) {

    /** The ADJUSTMENT entry's id: always the same for the same adjustment or dispute. */
    public static String entryIdFor(String source, String id) {
        return UUID.nameUUIDFromBytes("adjustment/%s/%s".formatted(source, id).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
