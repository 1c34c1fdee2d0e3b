package com.rapport.commission.plan;

import com.rapport.support.id.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Put a partner on a plan; new contracts of that partner lock that plan's current version. {@code planPublished}:
 * whether the plan had been published when finance asked, looked up before the command (plans are never
 * withdrawn, so the answer cannot turn stale), so that the aggregate decides without I/O.
 */
public record AssignPlan(@TargetAggregateIdentifier PartnerId partnerId, String planId, boolean planPublished) {
}
