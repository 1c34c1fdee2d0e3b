package com.rapport.commission.plan;

import com.rapport.events.money.Money;
import org.springframework.data.annotation.Id;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A plan version as MongoDB keeps it: in {@code commission_plans} (the current version, {@code _id} = planId) and in
 * {@code commission_plan_versions} (every version, {@code _id} = planId:version). Rates are decimal strings. Not
 * annotated with a collection: the two collections hold the same shape, so callers name theirs.
 */
record PlanDocument(@Id String id, String planId, int version, List<StoredTier> tiers, String overrideRate,
                    List<Money> capPerReferral, int holdDays, List<Money> minimumPayout, Instant publishedAt) {

    static final String PLANS = "commission_plans";
    static final String PLAN_VERSIONS = "commission_plan_versions";

    record StoredTier(int fromContracts, String rate) {
    }

    static String versionId(String planId, int version) {
        return planId + ":" + version;
    }

    static PlanDocument of(PlanVersion plan, String id) {
        PlanTerms terms = plan.terms();
        return new PlanDocument(id, plan.planId(), plan.version(),
                terms.tiers().stream().map(t -> new StoredTier(t.fromContracts(), decimal(t.rate()))).toList(),
                decimal(terms.overrideRate()), terms.capPerReferral(), terms.holdDays(), terms.minimumPayout(),
                plan.publishedAt());
    }

    PlanVersion plan() {
        List<Tier> planTiers = tiers == null ? List.of() : tiers.stream()
                .map(t -> new Tier(t.fromContracts(), decimal(t.rate()))).toList();
        return new PlanVersion(planId, version,
                new PlanTerms(planTiers, decimal(overrideRate), capPerReferral, holdDays, minimumPayout),
                publishedAt);
    }

    private static String decimal(BigDecimal rate) {
        return rate == null ? null : rate.toPlainString();
    }

    private static BigDecimal decimal(String rate) {
        return rate == null ? null : new BigDecimal(rate);
    }
}
