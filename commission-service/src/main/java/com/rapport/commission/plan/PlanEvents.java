package com.rapport.commission.plan;


/** What happened to plans (internal Axon events, not the Kafka contract). */
public final class PlanEvents {

    private PlanEvents() {
    }

    public record PlanVersionPublished(String planId, int version, PlanTerms terms) {
    }

    public record PlanAssigned(String partnerId, String planId) {
    }
}
