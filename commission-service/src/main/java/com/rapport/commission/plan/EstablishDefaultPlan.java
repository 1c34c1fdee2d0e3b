package com.rapport.commission.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create the default plan unless it already exists: safe to send on every start of every instance. */
public record EstablishDefaultPlan(@TargetAggregateIdentifier String planId, PlanTerms terms) {
}
