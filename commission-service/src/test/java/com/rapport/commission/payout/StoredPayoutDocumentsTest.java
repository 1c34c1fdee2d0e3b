package com.rapport.commission.payout;

import com.mongodb.reactivestreams.client.MongoClient;
import com.rapport.commission.adjustment.AdjustmentStatus;
import com.rapport.commission.adjustment.AdjustmentView;
import com.rapport.commission.dispute.DisputeOutcome;
import com.rapport.commission.dispute.DisputeView;
import com.rapport.commission.taxprofile.TaxProfile;
import com.rapport.events.money.Money;
import com.rapport.support.mongo.MoneyDocuments;
import com.rapport.testsupport.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read models kept before they were mapped records still read: each document here is inserted raw, exactly as the
 * hand-built code wrote it, and read through its record; a record written now has the same fields.
 */
class StoredPayoutDocumentsTest {

    private static final Instant CREATED = Instant.parse("2026-11-26T09:30:00Z");
    private static final MongoClient client = TestInfrastructure.shared().mongo().reactiveClient();
    private final ReactiveMongoTemplate mongo = MappedTemplates.of(client, "stored-shape-" + UUID.randomUUID());


    private static Document money(String amount, String currency) {
        return MoneyDocuments.toDocument(Money.of(amount, currency));
    }

    private Document raw(String collection, Object id) {
        Document stored = mongo.findById(id, Document.class, collection).block();
        assertThat(stored).isNotNull();
        stored.remove("_class");
        return stored;
    }

    @Nested
    class PayoutBatches {

        private final Document handBuilt = new Document("_id", "batch-1")
                .append("asOf", "2026-11-30")
                .append("status", "PAID")
                .append("lines", List.of(
                        new Document("partnerId", "p-1").append("amount", money("120.50", "EUR"))
                                .append("entryIds", List.of("e-1", "e-2")),
                        new Document("partnerId", "p-2").append("amount", money("3000", "JPY"))
                                .append("entryIds", List.of("e-3"))))
                .append("skipped", List.of(new Document("partnerId", "p-3").append("amount", money("9.99", "EUR"))
                        .append("reason", SkippedLine.NO_TAX_PROFILE)))
                .append("createdBy", "finance-1")
                .append("createdAt", Date.from(CREATED))
                .append("paidOn", "2026-12-01");

        @Test
        void aBatchStoredByHandReadsAsTheSameView() {
            mongo.insert(handBuilt, PayoutBatchDocument.COLLECTION).block();

            PayoutBatchView view = new PayoutBatchQueries(mongo).find("batch-1").block();

            assertThat(view).isNotNull();
            assertThat(view.asOf()).isEqualTo(LocalDate.parse("2026-11-30"));
            assertThat(view.paidOn()).isEqualTo(LocalDate.parse("2026-12-01"));
            assertThat(view.status()).isEqualTo(BatchStatus.PAID);
            assertThat(view.createdAt()).isEqualTo(CREATED);
            assertThat(view.createdBy()).isEqualTo("finance-1");
            assertThat(view.lines()).containsExactly(
                    new PayoutBatchView.Line("p-1", "EUR", Money.of("120.50", "EUR")),
                    new PayoutBatchView.Line("p-2", "JPY", Money.of("3000", "JPY")));
            assertThat(view.totals()).containsExactly(new PayoutBatchView.Total("EUR", Money.of("120.50", "EUR")),
                    new PayoutBatchView.Total("JPY", Money.of("3000", "JPY")));
            assertThat(view.skipped()).containsExactly(new PayoutBatchView.Skipped("p-3", "EUR",
                    Money.of("9.99", "EUR"), SkippedLine.NO_TAX_PROFILE));
        }

        @Test
        void aBatchWrittenNowHasTheFieldsOfBefore() {
            PayoutBatchDocument opened = PayoutBatchDocument.opened("batch-1", LocalDate.parse("2026-11-30"),
                    List.of(new BatchLine("p-1", Money.of("120.50", "EUR"), List.of("e-1", "e-2")),
                            new BatchLine("p-2", Money.of("3000", "JPY"), List.of("e-3"))),
                    List.of(new SkippedLine("p-3", "EUR", Money.of("9.99", "EUR"), SkippedLine.NO_TAX_PROFILE)),
                    "finance-1", CREATED);
            mongo.save(new PayoutBatchDocument(opened.batchId(), opened.asOf(), BatchStatus.PAID, opened.lines(),
                    opened.skipped(), opened.createdBy(), opened.createdAt(), "2026-12-01")).block();

            assertThat(raw(PayoutBatchDocument.COLLECTION, "batch-1")).isEqualTo(handBuilt);
        }
    }

    @Nested
    class ClaimsAndOpenItems {

        @Test
        void aClaimStoredByHandStillHoldsItsEntry() {
            mongo.insert(new Document("_id", "e-1").append("batchId", "batch-1").append("claimedAt", Date.from(CREATED)),
                    PayoutClaim.COLLECTION).block();

            assertThat(mongo.findById("e-1", PayoutClaim.class).block())
                    .isEqualTo(new PayoutClaim("e-1", "batch-1", CREATED));
        }

        @Test
        void openItemsStoredByHandAreFoundByTheirPayableDateAndHold() {
            mongo.insert(new Document("_id", "e-1").append("partnerId", "p-1").append("amount", money("10.00", "EUR"))
                    .append("payableAt", "2026-11-01"), OpenItem.COLLECTION).block();
            mongo.insert(new Document("_id", "e-2").append("partnerId", "p-1").append("amount", money("5.00", "EUR"))
                    .append("payableAt", "2026-11-01").append(PayoutClaimPlanner.HELD, true), OpenItem.COLLECTION)
                    .block();
            mongo.insert(new Document("_id", "e-3").append("partnerId", "p-1").append("amount", money("7.00", "EUR"))
                    .append("payableAt", "2026-12-15"), OpenItem.COLLECTION).block();

            List<OpenItem> payable = mongo.find(Query.query(Criteria.where("payableAt").lte("2026-11-30")
                    .and(PayoutClaimPlanner.HELD).ne(true)), OpenItem.class).collectList().block();

            assertThat(payable).containsExactly(new OpenItem("e-1", "p-1", Money.of("10.00", "EUR"), "2026-11-01",
                    null));
            mongo.save(OpenItem.of("e-4", "p-1", Money.of("10.00", "EUR"), LocalDate.parse("2026-11-01"))).block();
            assertThat(raw(OpenItem.COLLECTION, "e-4")).isEqualTo(new Document("_id", "e-4")
                    .append("partnerId", "p-1").append("amount", money("10.00", "EUR"))
                    .append("payableAt", "2026-11-01"));
        }
    }

    @Nested
    class PartnerData {

        @Test
        void payoutDetailsStoredByHandRead() {
            mongo.insert(new Document("_id", "p-1").append("accountHolder", "Ada Example")
                    .append("iban", "DE89370400440532013000").append("bic", null)
                    .append("updatedAt", Date.from(CREATED)), "payout_details").block();

            assertThat(mongo.findById("p-1", PayoutDetailsDirectory.PayoutDetails.class).block()).isEqualTo(
                    new PayoutDetailsDirectory.PayoutDetails("p-1", "Ada Example", "DE89370400440532013000", null,
                            CREATED));
        }

        @Test
        void aTaxProfileStoredByHandReads() {
            mongo.insert(new Document("_id", "p-1").append("legalName", "Example GmbH")
                    .append("address", new Document("line1", "Hauptstr. 1").append("line2", null)
                            .append("city", "Berlin").append("postalCode", "10115").append("country", "DE"))
                    .append("vatId", "DE123456789").append("vatRegistered", true).append("selfBillingAccepted", true)
                    .append("selfBillingAcceptedBy", "p-1").append("selfBillingAcceptedAt", Date.from(CREATED)),
                    "tax_profiles").block();

            assertThat(mongo.findById("p-1", TaxProfile.class).block()).isEqualTo(new TaxProfile("p-1",
                    "Example GmbH", new TaxProfile.Address("Hauptstr. 1", null, "Berlin", "10115", "DE"),
                    "DE123456789", true, true, "p-1", CREATED));
        }
    }

    @Nested
    class FinanceDecisions {

        @Test
        void anAdjustmentStoredByHandReads() {
            mongo.insert(new Document("_id", "a-1").append("partnerId", "p-1").append("referralId", "r-1")
                    .append("amount", money("-25.00", "EUR")).append("reason", "double booking")
                    .append("status", "APPROVED").append("proposedBy", "finance-1")
                    .append("proposedAt", Date.from(CREATED)).append("decidedBy", "finance-2")
                    .append("decidedAt", Date.from(CREATED.plusSeconds(60))).append("entryId", "e-9"),
                    "adjustments").block();

            assertThat(mongo.findById("a-1", AdjustmentView.class).block()).isEqualTo(new AdjustmentView("a-1",
                    "p-1", "r-1", Money.of("-25.00", "EUR"), "double booking", AdjustmentStatus.APPROVED,
                    "finance-1", CREATED, "finance-2", CREATED.plusSeconds(60), null, "e-9"));
        }

        @Test
        void aResolvedDisputeStoredByHandReads() {
            mongo.insert(new Document("_id", "d-1").append("entryId", "e-1").append("partnerId", "p-1")
                    .append("referralId", "r-1").append("status", DisputeView.RESOLVED).append("message", "too low")
                    .append("openedBy", "p-1").append("openedAt", Date.from(CREATED))
                    .append("outcome", "UPHELD").append("note", "rate was 12%")
                    .append("adjustment", money("40.00", "EUR")).append("adjustmentEntryId", "e-2")
                    .append("resolvedBy", "finance-1").append("resolvedAt", Date.from(CREATED.plusSeconds(60))),
                    "disputes").block();

            assertThat(mongo.findById("d-1", DisputeView.class).block()).isEqualTo(new DisputeView("d-1", "e-1",
                    "p-1", "r-1", DisputeView.RESOLVED, "too low", "p-1", CREATED, DisputeOutcome.UPHELD,
                    "rate was 12%", Money.of("40.00", "EUR"), "e-2", "finance-1", CREATED.plusSeconds(60)));
        }
    }
}
