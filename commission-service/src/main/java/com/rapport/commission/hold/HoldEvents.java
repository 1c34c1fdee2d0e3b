package com.rapport.commission.hold;

import java.time.Instant;

/**
 * A hold placed on, or lifted from, a ledger entry. {@code disputeId} is set when a dispute placed or lifted it, null
 * for finance's own hold.
 */
public final class HoldEvents {

    private HoldEvents() {
    }

    public record EntryHeld(String entryId, String partnerId, String reason, Instant since, String heldBy,
                            String disputeId) {
    }

    public record EntryReleased(String entryId, String partnerId, String reason, String releasedBy,
                                String disputeId) {
    }
}
