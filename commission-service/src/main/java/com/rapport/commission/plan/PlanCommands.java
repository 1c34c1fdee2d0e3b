package com.rapport.commission.plan;

import com.rapport.support.id.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What finance (or the service's first start) asks of plans. */
public final class PlanCommands {

    private PlanCommands() {
    }

    /** Publish a new version of a plan, creating the plan if it is new. Answers the new version number. */
    public record PublishPlanVersion(@TargetAggregateIdentifier String planId, PlanTerms terms) {
    }

    /** Create the default plan unless it already exists: safe to send on every start of every instance. */
    public record EstablishDefaultPlan(@TargetAggregateIdentifier String planId, PlanTerms terms) {
    }

    /**
     * Put a partner on a plan; new contracts of that partner lock that plan's current version. {@code planPublished}:
     * whether the plan had been published when finance asked, looked up before the command (plans are never
     * withdrawn, so the answer cannot turn stale), so that the aggregate decides without I/O.
     */
    public record AssignPlan(@TargetAggregateIdentifier PartnerId partnerId, String planId, boolean planPublished) {
    }
}
