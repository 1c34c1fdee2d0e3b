package com.rapport.commission.plan;

import com.rapport.commission.config.CommissionProperties;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

import static com.rapport.commission.plan.PlanDocument.PLANS;
import static com.rapport.commission.plan.PlanDocument.PLAN_VERSIONS;

/**
 * Keeps the plan catalogue (current version per plan, every version, partner assignments). Subscribing: a plan
 * published by a PUT is what the next contract locks. Runs on Axon's command threads, where blocking is allowed.
 */
@Component
@ProcessingGroup(PlanProjection.GROUP)
class PlanProjection {

    static final String GROUP = "plans";

    private final ReactiveMongoTemplate mongo;
    private final Duration timeout;

    PlanProjection(ReactiveMongoTemplate mongo, CommissionProperties properties) {
        this.mongo = mongo;
        this.timeout = properties.storeTimeout();
    }

    @EventHandler
    void on(PlanVersionPublished event, @Timestamp Instant publishedAt) {
        PlanVersion version = new PlanVersion(event.planId(), event.version(), event.terms(), publishedAt);
        mongo.save(PlanDocument.of(version, PlanDocument.versionId(event.planId(), event.version())), PLAN_VERSIONS)
                .then(mongo.save(PlanDocument.of(version, event.planId()), PLANS))
                .block(timeout);
    }

    @EventHandler
    void on(PlanAssigned event, @Timestamp Instant assignedAt) {
        mongo.save(new PlanAssignment(event.partnerId(), event.planId(), assignedAt)).block(timeout);
    }
}
