package com.rapport.commission.plan;

import com.rapport.commission.config.BsonValues;
import com.rapport.events.money.Money;
import org.bson.Document;

import java.util.List;

/** Plan versions in MongoDB. */
final class PlanDocuments {

    static final String PLANS = "commission_plans";
    static final String PLAN_VERSIONS = "commission_plan_versions";
    static final String PARTNER_PLANS = "partner_plans";

    private PlanDocuments() {
    }

    static Document toDocument(PlanVersion plan, Object id) {
        PlanTerms terms = plan.terms();
        return new Document("_id", id)
                .append("planId", plan.planId())
                .append("version", plan.version())
                .append("tiers", terms.tiers().stream()
                        .map(t -> new Document("fromContracts", t.fromContracts())
                                .append("rate", BsonValues.rate(t.rate())))
                        .toList())
                .append("overrideRate", BsonValues.rate(terms.overrideRate()))
                .append("capPerReferral", terms.capPerReferral().stream().map(BsonValues::money).toList())
                .append("holdDays", terms.holdDays())
                .append("minimumPayout", terms.minimumPayout().stream().map(BsonValues::money).toList())
                .append("publishedAt", BsonValues.instant(plan.publishedAt()));
    }

    static PlanVersion fromDocument(Document document) {
        List<Tier> tiers = document.getList("tiers", Document.class).stream()
                .map(t -> new Tier(t.getInteger("fromContracts"), BsonValues.rate(t.get("rate"))))
                .toList();
        PlanTerms terms = new PlanTerms(tiers, BsonValues.rate(document.get("overrideRate")),
                moneyList(document, "capPerReferral"), document.getInteger("holdDays"),
                moneyList(document, "minimumPayout"));
        return new PlanVersion(document.getString("planId"), document.getInteger("version"), terms,
                BsonValues.instant(document.get("publishedAt")));
    }

    private static List<Money> moneyList(Document document, String field) {
        List<Document> values = document.getList(field, Document.class);
        return values == null ? List.of() : values.stream().map(BsonValues::money).toList();
    }
}
