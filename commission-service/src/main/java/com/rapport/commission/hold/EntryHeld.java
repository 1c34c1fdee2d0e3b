package com.rapport.commission.hold;

import java.time.Instant;

/**
 * A hold placed on a ledger entry. {@code disputeId} is set when a dispute placed it, null for finance's own
 * hold.
 */
public record EntryHeld(String entryId, String partnerId, String reason, Instant since, String heldBy,
                        String disputeId) {
}
