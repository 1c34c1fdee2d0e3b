package com.rapport.commission.adjustment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RejectAdjustment(@TargetAggregateIdentifier String adjustmentId, String reason, String rejectedBy) {
}
