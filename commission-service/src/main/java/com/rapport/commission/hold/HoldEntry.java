package com.rapport.commission.hold;

import com.rapport.support.id.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * {@code payoutBatch}: the batch that paid or claimed the entry when finance asked, null when it was free; looked
 * up before the command ({@link FinanceHolds}) so that the aggregate decides without I/O.
 */
public record HoldEntry(@TargetAggregateIdentifier String entryId, PartnerId partnerId, String reason,
                        String heldBy, Instant at, EntryBatches.Batch payoutBatch) {
}
