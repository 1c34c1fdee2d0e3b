package com.rapport.commission.hold;

import java.util.Optional;

/**
 * Which payout batch, if any, holds a ledger entry: the batch that paid it, or the live (OPEN) batch that claimed it.
 * A hold decides on it, since a hold only keeps an entry out of batches that have not claimed it yet. Asked before the
 * command is sent ({@link FinanceHolds}), never by the aggregate. Blocking: bounded-elastic threads only.
 */
public interface EntryBatches {

    /** The batch holding the entry, or empty when the entry is free for a new batch. */
    Optional<Batch> batchOf(String entryId);

    /** {@code paid}: the batch was confirmed, so the entry is paid out; otherwise it is open and will pay it. */
    record Batch(String batchId, boolean paid) {
    }
}
