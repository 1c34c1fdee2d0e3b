package com.rapport.commission.plan;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A commission plan and its versions. A version is never changed once published: contracts lock the version that
 * was current when they were signed, so a new version only applies to contracts signed after it.
 */
@Aggregate
public class CommissionPlan {

    @AggregateIdentifier
    private String planId;
    private int version;

    protected CommissionPlan() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(PublishPlanVersion command) {
        requireValid(command.terms());
        apply(new PlanVersionPublished(command.planId(), version + 1, command.terms()));
        return version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(EstablishDefaultPlan command) {
        if (version == 0) {
            requireValid(command.terms());
            apply(new PlanVersionPublished(command.planId(), 1, command.terms()));
        }
        return version;
    }

    @EventSourcingHandler
    void on(PlanVersionPublished event) {
        planId = event.planId();
        version = event.version();
    }

    private static void requireValid(PlanTerms terms) {
        List<String> violations = terms.violations();
        if (!violations.isEmpty()) {
            throw new InvalidPlanException(violations);
        }
    }
}
