package com.rapport.commission.ledger;

import com.rapport.commission.CommissionServiceTestBase;
import com.rapport.commission.accrual.ReferralStage;
import com.rapport.commission.dealterms.DealTermsQueries;
import com.rapport.commission.dealterms.DealTermsView;
import com.rapport.commission.forecast.ForecastQueries;
import com.rapport.commission.hold.EntryHeld;
import com.rapport.commission.partner.ClientCompanies;
import com.rapport.commission.partner.Partner;
import com.rapport.commission.partner.PartnerDirectory;
import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models of ledger, exports, forecast, deal terms and partners are mapped records now (issue 13,
 * consistent). Documents stored before, built by hand, must still read; and what the records write keeps that shape
 * (dates as ISO strings, rates as decimal strings, money as {amount: Decimal128, currency}, instants as dates).
 */
class StoredReadModelShapesIntegrationTest extends CommissionServiceTestBase {

    static final Instant CREATED = Instant.parse("2026-11-20T10:15:30Z");

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    LedgerQueries ledger;
    @Autowired
    LedgerProjection projection;
    @Autowired
    ForecastQueries forecasts;
    @Autowired
    DealTermsQueries dealTerms;
    @Autowired
    PartnerDirectory partners;
    @Autowired
    ClientCompanies clients;

    static Document money(String amount, String currency) {
        return new Document("amount", new Decimal128(new BigDecimal(amount))).append("currency", currency);
    }

    /** An accrual exactly as the hand-built LedgerDocuments.toDocument wrote it, explicit nulls included. */
    static Document handBuiltAccrual(String entryId, String partnerId, String referralId, String occurredOn) {
        return new Document("_id", entryId)
                .append("partnerId", partnerId)
                .append("referralId", referralId)
                .append("role", "INTRODUCER")
                .append("type", "ACCRUAL")
                .append("amount", money("1234.50", "EUR"))
                .append("currency", "EUR")
                .append("rate", "0.10")
                .append("basis", money("12345.00", "EUR"))
                .append("payableAt", "1999-04-01")
                .append("occurredOn", occurredOn)
                .append("createdAt", Date.from(CREATED))
                .append("sourceEventId", "event-1")
                .append("explanation", "10% of 12,345.00 EUR")
                .append("batchId", null);
    }

    Document raw(String collection, String id) {
        return mongo.findById(id, Document.class, collection).block();
    }

    @Nested
    class LedgerEntries {

        @Test
        void anEntryStoredByHandBeforeReadsBackWithItsHoldDisputesAndPayout() {
            String entryId = newId();
            String partner = newId();
            String referral = newId();
            Instant opened = Instant.parse("2026-11-21T08:00:00Z");
            mongo.insert(handBuiltAccrual(entryId, partner, referral, "1999-03-15")
                    .append(LedgerDocuments.HOLD, new Document("reason", "Disputed: wrong rate")
                            .append("since", Date.from(opened)))
                    .append(LedgerDocuments.DISPUTES, List.of(new Document("disputeId", "d-1")
                            .append("status", "OPEN").append("outcome", null)
                            .append("openedAt", Date.from(opened)).append("resolvedAt", null)))
                    .append(LedgerDocuments.PAID_IN_BATCH, "batch-7"), LedgerDocuments.LEDGER).block();

            LedgerEntry entry = ledger.entry(entryId).block();

            assertThat(entry).isEqualTo(new LedgerEntry(entryId, partner, referral, CommissionRole.INTRODUCER,
                    EntryType.ACCRUAL, Money.of("1234.50", "EUR"), new BigDecimal("0.10"),
                    Money.of("12345.00", "EUR"), LocalDate.parse("1999-04-01"), CREATED, "event-1",
                    "10% of 12,345.00 EUR", LocalDate.parse("1999-03-15"), null,
                    new LedgerEntry.Hold("Disputed: wrong rate", opened),
                    List.of(new LedgerEntry.DisputeRef("d-1", "OPEN", null, opened, null)), "batch-7"));
            assertThat(ledger.entriesOf(partner).collectList().block()).containsExactly(entry);
        }

        @Test
        void anEntryStoredByHandBeforeIsExportedAsBefore() {
            String entryId = newId();
            mongo.insert(handBuiltAccrual(entryId, "p-" + entryId, "r-" + entryId, "1999-05-15"),
                    LedgerDocuments.LEDGER).block();

            String csv = as(TOKENS.finance()).get().uri("/api/exports/ledger.csv?from=1999-05-15&to=1999-05-15")
                    .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            assertThat(csv).contains(entryId + ",2026-11-20T10:15:30Z,1999-05-15,p-" + entryId + ",r-" + entryId
                    + ",INTRODUCER,ACCRUAL,1234.50,EUR,0.10,12345.00,1999-04-01,event-1,,");

            String journal = as(TOKENS.finance()).get().uri("/api/exports/journal.csv?from=1999-05-15&to=1999-05-15")
                    .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            assertThat(journal.lines().filter(line -> line.contains(entryId)))
                    .hasSize(2)
                    .allMatch(line -> line.startsWith("1999-05-15," + entryId + ",") && line.contains("1234.50"));
        }

        @Test
        void anEntryWrittenByTheRecordKeepsTheStoredShape() {
            String entryId = newId();
            mongo.save(LedgerEntryDocument.of(new LedgerEntry(entryId, "p", "r", CommissionRole.INTRODUCER,
                    EntryType.ACCRUAL, Money.of("1234.50", "EUR"), new BigDecimal("0.10"),
                    Money.of("12345.00", "EUR"), LocalDate.parse("1999-04-01"), CREATED, "event-1", "text",
                    LocalDate.parse("1999-03-15"), null))).block();
            projection.on(new EntryHeld(entryId, "p", "finance hold", CREATED, "finance-1", null));

            Document stored = raw(LedgerDocuments.LEDGER, entryId);
            assertThat(stored.get("amount")).isEqualTo(money("1234.50", "EUR"));
            assertThat(stored.get("basis")).isEqualTo(money("12345.00", "EUR"));
            assertThat(stored.get("currency")).isEqualTo("EUR");
            assertThat(stored.get("rate")).isEqualTo("0.10");
            assertThat(stored.get("payableAt")).isEqualTo("1999-04-01");
            assertThat(stored.get("occurredOn")).isEqualTo("1999-03-15");
            assertThat(stored.get("createdAt")).isEqualTo(Date.from(CREATED));
            assertThat(stored.get("role")).isEqualTo("INTRODUCER");
            assertThat(stored.get("type")).isEqualTo("ACCRUAL");
            assertThat(stored.get(LedgerDocuments.HOLD))
                    .isEqualTo(new Document("reason", "finance hold").append("since", Date.from(CREATED)));
        }
    }

    @Nested
    class OtherReadModels {

        @Test
        void anOutlookStoredByHandBeforeGivesTheOpenCommission() {
            String referral = newId();
            String partner = newId();
            mongo.insert(new Document("_id", referral)
                    .append("contractValue", money("10000.00", "EUR"))
                    .append("netCash", money("2000.00", "EUR"))
                    .append("stage", "CONTRACTED")
                    .append("firstIntroducer", partner)
                    .append("schedule", List.of(new Document("name", "final").append("dueDate", "2027-02-10")
                            .append("amount", money("8000.00", "EUR"))))
                    .append("roles", List.of(new Document("key", "INTRODUCER/" + partner)
                            .append("role", "INTRODUCER").append("partnerId", partner).append("rate", "0.10")
                            .append("share", "1").append("cap", null).append("flatFee", null)
                            .append("holdDays", 14).append("earned", money("200.00", "EUR"))))
                    .append("partners", List.of(partner)), "referral_outlooks").block();

            assertThat(forecasts.openCommissionsOf(partner).collectList().block()).containsExactly(
                    new OpenCommission(referral, partner, Money.of("1000.00", "EUR"), Money.of("200.00", "EUR"),
                            ReferralStage.CONTRACTED));
            assertThat(forecasts.forecast(partner, 4).block().months()).isNotEmpty();
        }

        @Test
        void dealTermsStoredByHandBeforeRead() {
            String referral = newId();
            Instant agreed = Instant.parse("2026-11-01T09:00:00Z");
            Instant locked = Instant.parse("2026-11-02T09:00:00Z");
            mongo.insert(new Document("_id", referral).append("rate", "0.07").append("flatFee", null)
                    .append("cap", money("500.00", "EUR")).append("reason", "strategic account")
                    .append("agreedBy", "finance-1").append("agreedAt", Date.from(agreed))
                    .append("locked", true).append("lockedAt", Date.from(locked)), "deal_terms").block();

            assertThat(dealTerms.termsOf(referral).block()).isEqualTo(new DealTermsView(referral,
                    new BigDecimal("0.07"), null, Money.of("500.00", "EUR"), "strategic account", "finance-1", agreed,
                    true, locked));
        }

        @Test
        void dealTermsAgreedNowAreStoredInTheSameShape() {
            String referral = newId();
            as(TOKENS.finance()).put().uri("/api/deal-terms/{r}", referral)
                    .bodyValue(Map.of("flatFee", Map.of("amount", "1000.00", "currency", "EUR"),
                            "reason", "introduced the CFO")).exchange()
                    .expectStatus().isOk();

            Document stored = raw("deal_terms", referral);
            assertThat(stored.get("flatFee")).isEqualTo(money("1000.00", "EUR"));
            assertThat(stored.get("rate")).isNull();
            assertThat(stored.get("agreedAt")).isInstanceOf(Date.class);
            assertThat(stored.get("locked")).isEqualTo(false);
        }

        @Test
        void partnersAndClientCompaniesStoredByHandBeforeRead() {
            String partner = newId();
            String referral = newId();
            mongo.insert(new Document("_id", partner).append("name", "Acme Partners")
                    .append("parentPartnerId", null), "partners").block();
            mongo.insert(new Document("_id", referral).append("company", "Globex GmbH"), "referral_clients")
                    .block();

            assertThat(partners.find(partner).block()).isEqualTo(new Partner(partner, "Acme Partners", null));
            partners.rename(partner, "Acme Partners AG");
            assertThat(raw("partners", partner).get("name")).isEqualTo("Acme Partners AG");
            assertThat(clients.of(List.of(referral, newId())).block()).isEqualTo(Map.of(referral, "Globex GmbH"));
        }
    }
}
