package com.rapport.commission.hold;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** What finance asks of a ledger entry's hold. */
public final class HoldCommands {

    private HoldCommands() {
    }

    public record HoldEntry(@TargetAggregateIdentifier String entryId, String partnerId, String reason, String heldBy,
                            Instant at) {
    }

    public record ReleaseEntry(@TargetAggregateIdentifier String entryId, String reason, String releasedBy) {
    }
}
