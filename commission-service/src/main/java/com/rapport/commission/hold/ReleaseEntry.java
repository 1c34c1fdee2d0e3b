package com.rapport.commission.hold;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReleaseEntry(@TargetAggregateIdentifier String entryId, String reason, String releasedBy) {
}
