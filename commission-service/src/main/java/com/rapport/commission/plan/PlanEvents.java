package com.rapport.commission.plan;

import com.rapport.support.id.PartnerId;

/** What happened to plans (internal Axon events, not the Kafka contract). */
public final class PlanEvents {

    private PlanEvents() {
    }

    public record PlanVersionPublished(String planId, int version, PlanTerms terms) {
    }

    public record PlanAssigned(PartnerId partnerId, String planId) {
    }
}
