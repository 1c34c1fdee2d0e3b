package com.rapport.commission.payout;

/**
 * OPEN and PAID batches hold their entries; a CANCELLED one has let them go. ABANDONED is a batch whose opening
 * failed or timed out and that was then closed for good before it could open: it never holds anything and is never
 * shown (no read model), but its identifier can no longer be opened, so its claims can be given back safely.
 */
public enum BatchStatus {
    OPEN, PAID, CANCELLED, ABANDONED;

    /** Whether a batch in this status holds its entries. */
    public boolean holdsEntries() {
        return this == OPEN || this == PAID;
    }
}
