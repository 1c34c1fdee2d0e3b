package com.rapport.commission.hold;

/**
 * A hold lifted from a ledger entry. {@code disputeId} is set when a dispute lifted it, null for finance's own
 * hold.
 */
public record EntryReleased(String entryId, String partnerId, String reason, String releasedBy,
                            String disputeId) {
}
