package com.rapport.commission.dispute;

import com.rapport.events.money.Money;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/** Disputes are decided by the disputed entry's {@code EntryHold} aggregate: they hold the entry while open. */
public final class DisputeCommands {

    private DisputeCommands() {
    }

    public record OpenDispute(@TargetAggregateIdentifier String entryId, String disputeId, PartnerId partnerId,
                              ReferralId referralId, String message, String openedBy, Instant at) {
    }

    /** {@code adjustment} (may be null) only with UPHELD: booked at once as an ADJUSTMENT entry on {@code on}. */
    public record ResolveDispute(@TargetAggregateIdentifier String entryId, String disputeId, DisputeOutcome outcome,
                                 String note, Money adjustment, String resolvedBy, LocalDate on) {
    }
}
