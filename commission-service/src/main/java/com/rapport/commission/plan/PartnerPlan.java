package com.rapport.commission.plan;

import com.rapport.support.id.PartnerId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Which plan a partner is on; partners nobody assigned are on the default plan. */
@Aggregate
public class PartnerPlan {

    @AggregateIdentifier
    private PartnerId partnerId;
    private String planId;

    protected PartnerPlan() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AssignPlan command) {
        if (!command.planPublished()) {
            throw new UnknownPlanException(command.planId());
        }
        if (!Objects.equals(planId, command.planId())) {
            apply(new PlanAssigned(command.partnerId().value(), command.planId()));
        }
    }

    @EventSourcingHandler
    void on(PlanAssigned event) {
        partnerId = PartnerId.of(event.partnerId());
        planId = event.planId();
    }
}
