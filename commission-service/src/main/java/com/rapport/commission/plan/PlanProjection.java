package com.rapport.commission.plan;

import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.plan.PlanEvents.PlanAssigned;
import com.rapport.commission.plan.PlanEvents.PlanVersionPublished;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static com.rapport.commission.plan.PlanDocuments.PARTNER_PLANS;
import static com.rapport.commission.plan.PlanDocuments.PLANS;
import static com.rapport.commission.plan.PlanDocuments.PLAN_VERSIONS;

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
        mongo.save(PlanDocuments.toDocument(version, event.planId() + ":" + event.version()), PLAN_VERSIONS)
                .then(mongo.save(PlanDocuments.toDocument(version, event.planId()), PLANS))
                .block(timeout);
    }

    @EventHandler
    void on(PlanAssigned event, @Timestamp Instant assignedAt) {
        mongo.save(new Document("_id", event.partnerId()).append("planId", event.planId())
                        .append("assignedAt", Date.from(assignedAt)), PARTNER_PLANS)
                .block(timeout);
    }
}
