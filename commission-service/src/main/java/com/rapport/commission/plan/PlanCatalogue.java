package com.rapport.commission.plan;

import com.rapport.commission.config.CommissionProperties;
import com.rapport.events.money.Money;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Currency;
import java.util.Optional;

import static com.rapport.commission.plan.PlanDocument.PLANS;
import static com.rapport.commission.plan.PlanDocument.PLAN_VERSIONS;

/** The query side of plans: current and past versions, and which plan a partner is on. */
@Component
public class PlanCatalogue implements MinimumPayouts {

    private final ReactiveMongoTemplate mongo;
    private final String defaultPlanId;
    private final Duration timeout;

    PlanCatalogue(ReactiveMongoTemplate mongo, DefaultPlanProperties defaultPlan, CommissionProperties properties) {
        this.mongo = mongo;
        this.defaultPlanId = defaultPlan.planId();
        this.timeout = properties.storeTimeout();
    }

    public Flux<PlanVersion> currentPlans() {
        return mongo.find(new Query().with(Sort.by("_id")), PlanDocument.class, PLANS).map(PlanDocument::plan);
    }

    public Mono<PlanVersion> current(String planId) {
        return mongo.findById(planId, PlanDocument.class, PLANS).map(PlanDocument::plan);
    }

    public Mono<PlanVersion> version(String planId, int version) {
        return mongo.findById(PlanDocument.versionId(planId, version), PlanDocument.class, PLAN_VERSIONS)
                .map(PlanDocument::plan);
    }

    public Flux<PlanVersion> versions(String planId) {
        return mongo.find(Query.query(Criteria.where("planId").is(planId)).with(Sort.by("version")),
                PlanDocument.class, PLAN_VERSIONS).map(PlanDocument::plan);
    }

    /** The plan a partner is on: the one finance assigned, else the default plan. */
    public Mono<String> planIdOf(String partnerId) {
        return mongo.findById(partnerId, PlanAssignment.class)
                .map(PlanAssignment::planId)
                .defaultIfEmpty(defaultPlanId);
    }

    /** The version a contract of this partner signed now would lock. */
    public Mono<PlanVersion> currentPlanOf(String partnerId) {
        return planIdOf(partnerId).flatMap(this::current);
    }

    /** Whether the plan has been published (plans are never withdrawn); asked before a plan is assigned. */
    public Mono<Boolean> isPublished(String planId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(planId)), PLANS);
    }

    /** Blocking: only for Axon command and bounded-elastic threads. */
    @Override
    public Optional<Money> minimumPayout(String partnerId, Currency currency) {
        return Optional.ofNullable(currentPlanOf(partnerId).block(timeout))
                .flatMap(plan -> plan.terms().minimumPayoutFor(currency));
    }
}
