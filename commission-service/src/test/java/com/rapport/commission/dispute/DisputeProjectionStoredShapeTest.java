package com.rapport.commission.dispute;

import com.mongodb.reactivestreams.client.MongoClient;
import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.ledger.LedgerDocuments;
import com.rapport.commission.payout.MappedTemplates;
import com.rapport.events.money.Money;
import com.rapport.support.mongo.MoneyDocuments;
import com.rapport.testsupport.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispute projection writes the fields it wrote by hand before: the dispute itself, and the entry's dispute
 * reference in the ledger ({@code {disputeId, status, openedAt}}, then {@code outcome} and {@code resolvedAt}), once
 * only even when the event is applied again.
 */
class DisputeProjectionStoredShapeTest {

    private static final Instant OPENED = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant RESOLVED = Instant.parse("2026-11-21T10:00:00Z");
    private static final MongoClient client = TestInfrastructure.shared().mongo().reactiveClient();
    private final ReactiveMongoTemplate mongo = MappedTemplates.of(client, "disputes-" + UUID.randomUUID());
    private final DisputeProjection projection = new DisputeProjection(mongo,
            new CommissionProperties(ZoneOffset.UTC, Duration.ofSeconds(10), Duration.ofSeconds(10), 100));


    private Document raw(String collection, String id) {
        Document stored = mongo.findById(id, Document.class, collection).block();
        assertThat(stored).isNotNull();
        stored.remove("_class");
        return stored;
    }

    @Test
    void anOpenedThenResolvedDisputeIsStoredAsBefore() {
        mongo.insert(new Document("_id", "e-1").append("partnerId", "p-1"), LedgerDocuments.LEDGER).block();
        DisputeOpened opened = new DisputeOpened("d-1", "e-1", "p-1", "r-1", "too low", "p-1", OPENED);

        projection.on(opened);
        projection.on(opened);

        assertThat(raw(LedgerDocuments.LEDGER, "e-1").getList(LedgerDocuments.DISPUTES, Document.class))
                .containsExactly(new Document("disputeId", "d-1").append("status", "OPEN")
                        .append("openedAt", Date.from(OPENED)));

        projection.on(new DisputeResolved("d-1", "e-1", "p-1", DisputeOutcome.UPHELD, "rate was 12%",
                Money.of("40.00", "EUR"), "e-2", "finance-1"), RESOLVED);

        assertThat(raw(DisputeProjection.DISPUTES, "d-1")).isEqualTo(new Document("_id", "d-1")
                .append("entryId", "e-1").append("partnerId", "p-1").append("referralId", "r-1")
                .append("status", "RESOLVED").append("message", "too low").append("openedBy", "p-1")
                .append("openedAt", Date.from(OPENED)).append("outcome", "UPHELD").append("note", "rate was 12%")
                .append("adjustment", MoneyDocuments.toDocument(Money.of("40.00", "EUR")))
                .append("adjustmentEntryId", "e-2").append("resolvedBy", "finance-1")
                .append("resolvedAt", Date.from(RESOLVED)));
        assertThat(raw(LedgerDocuments.LEDGER, "e-1").getList(LedgerDocuments.DISPUTES, Document.class))
                .isEqualTo(List.of(new Document("disputeId", "d-1").append("status", "RESOLVED")
                        .append("openedAt", Date.from(OPENED)).append("outcome", "UPHELD")
                        .append("resolvedAt", Date.from(RESOLVED))));
    }
}
