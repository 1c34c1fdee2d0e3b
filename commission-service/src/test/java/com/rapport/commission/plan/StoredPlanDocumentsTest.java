package com.rapport.commission.plan;

import com.mongodb.reactivestreams.client.MongoClient;
import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.payout.MappedTemplates;
import com.rapport.events.money.Money;
import com.rapport.support.mongo.MoneyDocuments;
import com.rapport.testsupport.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Plans and assignments stored by the hand-built code of before read through the mapped records. */
class StoredPlanDocumentsTest {

    private static final Instant PUBLISHED = Instant.parse("2026-10-01T12:00:00Z");
    private static final MongoClient client = TestInfrastructure.shared().mongo().reactiveClient();
    private final ReactiveMongoTemplate mongo = MappedTemplates.of(client, "stored-plans-" + UUID.randomUUID());

    private final PlanVersion plan = new PlanVersion("gold", 3, new PlanTerms(
            List.of(new Tier(1, new BigDecimal("0.10")), new Tier(5, new BigDecimal("0.125"))),
            new BigDecimal("0.02"), List.of(Money.of("5000.00", "EUR")), 30,
            List.of(Money.of("50.00", "EUR"), Money.of("5000", "JPY"))), PUBLISHED);


    /** Exactly what PlanDocuments.toDocument wrote. */
    private static Document handBuilt(Object id) {
        return new Document("_id", id).append("planId", "gold").append("version", 3)
                .append("tiers", List.of(new Document("fromContracts", 1).append("rate", "0.10"),
                        new Document("fromContracts", 5).append("rate", "0.125")))
                .append("overrideRate", "0.02")
                .append("capPerReferral", List.of(MoneyDocuments.toDocument(Money.of("5000.00", "EUR"))))
                .append("holdDays", 30)
                .append("minimumPayout", List.of(MoneyDocuments.toDocument(Money.of("50.00", "EUR")),
                        MoneyDocuments.toDocument(Money.of("5000", "JPY"))))
                .append("publishedAt", Date.from(PUBLISHED));
    }

    private PlanCatalogue catalogue() {
        return new PlanCatalogue(mongo, new DefaultPlanProperties("standard", List.of(), null, 0, null, null),
                new CommissionProperties(ZoneOffset.UTC, Duration.ofSeconds(10), Duration.ofSeconds(10), 100));
    }

    @Test
    void aPlanAndAnAssignmentStoredByHandRead() {
        mongo.insert(handBuilt("gold"), PlanDocument.PLANS).block();
        mongo.insert(handBuilt("gold:3"), PlanDocument.PLAN_VERSIONS).block();
        mongo.insert(new Document("_id", "p-1").append("planId", "gold").append("assignedAt", Date.from(PUBLISHED)),
                PlanAssignment.COLLECTION).block();

        assertThat(catalogue().current("gold").block()).isEqualTo(plan);
        assertThat(catalogue().version("gold", 3).block()).isEqualTo(plan);
        assertThat(catalogue().versions("gold").collectList().block()).containsExactly(plan);
        assertThat(catalogue().planIdOf("p-1").block()).isEqualTo("gold");
        assertThat(catalogue().planIdOf("p-2").block()).isEqualTo("standard");
    }

    @Test
    void aPlanWrittenNowHasTheFieldsOfBefore() {
        mongo.save(PlanDocument.of(plan, "gold"), PlanDocument.PLANS).block();

        Document stored = mongo.findById("gold", Document.class, PlanDocument.PLANS).block();
        stored.remove("_class");
        assertThat(stored).isEqualTo(handBuilt("gold"));
    }
}
