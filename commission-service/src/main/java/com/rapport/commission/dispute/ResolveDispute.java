package com.rapport.commission.dispute;

import com.rapport.events.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** {@code adjustment} (may be null) only with UPHELD: booked at once as an ADJUSTMENT entry on {@code on}. */
public record ResolveDispute(@TargetAggregateIdentifier String entryId, String disputeId, DisputeOutcome outcome,
                             String note, Money adjustment, String resolvedBy, LocalDate on) {
}
