package com.rapport.commission.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publish a new version of a plan, creating the plan if it is new. Answers the new version number. */
public record PublishPlanVersion(@TargetAggregateIdentifier String planId, PlanTerms terms) {
}
