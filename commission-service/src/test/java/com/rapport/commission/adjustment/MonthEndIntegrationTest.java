package com.rapport.commission.adjustment;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.commission.CommissionServiceTestBase;
import com.rapport.commission.ledger.EntryType;
import com.rapport.commission.ledger.LedgerDocuments;
import com.rapport.commission.ledger.LedgerEntry;
import com.rapport.commission.payout.OpenItem;
import com.rapport.events.Topics;
import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Finance's month end over HTTP with real tokens and the real event store and read models: adjustments (four eyes),
 * holds, disputes, the journal. Ledger entries to work on are written as the ledger projection writes them, so these
 * tests do not depend on the accrual rules.
 */
class MonthEndIntegrationTest extends CommissionServiceTestBase {

    private static final String PROBLEMS = "https://docs.rapport.example/problems/";
    private static final String SECOND_FINANCE = TOKENS.token("finance-2", List.of("FINANCE"), null);

    @Autowired
    ReactiveMongoTemplate mongo;

    @Nested
    class Adjustments {

        @Test
        void aSecondFinanceUserApprovesAndTheEntryIsPayableAtOnce() {
            String partner = registeredPartner();
            String id = newId();
            Map<String, Object> body = Map.of("adjustmentId", id, "partnerId", partner,
                    "amount", Map.of("amount", "-12.50", "currency", "EUR"), "reason", "double counted");
            as(TOKENS.finance()).post().uri("/api/adjustments").bodyValue(body).exchange()
                    .expectStatus().isCreated().expectBody()
                    .jsonPath("$.status").isEqualTo("PROPOSED").jsonPath("$.proposedBy").isEqualTo("finance")
                    .jsonPath("$.amount.amount").isEqualTo("-12.50");
            // the same again: the original; another body under the id: 409
            as(SECOND_FINANCE).post().uri("/api/adjustments").bodyValue(body).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.proposedBy").isEqualTo("finance");
            Map<String, Object> other = new HashMap<>(body);
            other.put("reason", "something else");
            as(TOKENS.finance()).post().uri("/api/adjustments").bodyValue(other).exchange()
                    .expectStatus().isEqualTo(HttpStatus.CONFLICT);

            as(TOKENS.finance()).post().uri("/api/adjustments/{id}/approve", id).exchange()
                    .expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "four-eyes");
            assertThat(entries(partner)).isEmpty();

            as(SECOND_FINANCE).post().uri("/api/adjustments/{id}/approve", id).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("APPROVED")
                    .jsonPath("$.decidedBy").isEqualTo("finance-2");
            JsonNode entry = entries(partner).get(0);
            assertThat(entry.get("type").asText()).isEqualTo("ADJUSTMENT");
            assertThat(entry.at("/amount/amount").asText()).isEqualTo("-12.50");
            assertThat(entry.get("payableAt").asText()).isEqualTo("2026-11-26");
            assertThat(entry.get("explanation").asText()).contains("double counted").contains("finance-2");
            assertThat(entry.get("hold").isNull()).isTrue();
            JsonNode summary = summary(partner);
            assertThat(summary.at("/currencies/0/reversed/amount").asText()).isEqualTo("12.50");
            assertThat(summary.at("/currencies/0/balance/amount").asText()).isEqualTo("-12.50");

            JsonNode adjusted = relayed(partner, "rapport.commission.adjusted.v1").get(0);
            assertThat(adjusted.get("adjustmentId").asText()).isEqualTo(id);
            assertThat(adjusted.get("entryId").asText()).isEqualTo(entry.get("entryId").asText());
            assertThat(adjusted.get("approvedBy").asText()).isEqualTo("finance-2");
            assertThat(adjusted.at("/amount/amount").asText()).isEqualTo("-12.50");

            as(TOKENS.finance()).get().uri("/api/adjustments?status=APPROVED&size=500").exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.items[?(@.adjustmentId == '%s')].status".formatted(id)).isEqualTo("APPROVED");
        }

        @Test
        void aRejectedAdjustmentLeavesTheLedgerAlone() {
            String partner = registeredPartner();
            String id = newId();
            as(TOKENS.finance()).post().uri("/api/adjustments").bodyValue(Map.of("adjustmentId", id,
                            "partnerId", partner, "amount", Map.of("amount", "30.00", "currency", "EUR"),
                            "reason", "bonus"))
                    .exchange().expectStatus().isCreated();
            as(TOKENS.finance()).post().uri("/api/adjustments/{id}/reject", id)
                    .bodyValue(Map.of("reason", "no bonus this year")).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("REJECTED")
                    .jsonPath("$.decisionReason").isEqualTo("no bonus this year");
            as(SECOND_FINANCE).post().uri("/api/adjustments/{id}/approve", id).exchange()
                    .expectStatus().isEqualTo(HttpStatus.CONFLICT);
            assertThat(entries(partner)).isEmpty();
        }

        @Test
        void onlyFinanceAndOnlyGoodInput() {
            String partner = registeredPartner();
            Map<String, Object> good = Map.of("adjustmentId", newId(), "partnerId", partner,
                    "amount", Map.of("amount", "5.00", "currency", "EUR"), "reason", "r");
            as(TOKENS.ops()).post().uri("/api/adjustments").bodyValue(good).exchange().expectStatus().isForbidden();
            as(TOKENS.partner(partner)).post().uri("/api/adjustments").bodyValue(good).exchange()
                    .expectStatus().isForbidden();
            as(TOKENS.partner(partner)).get().uri("/api/adjustments").exchange().expectStatus().isForbidden();
            as(TOKENS.ops()).post().uri("/api/adjustments/{id}/approve", newId()).exchange()
                    .expectStatus().isForbidden();
            as(TOKENS.finance()).post().uri("/api/adjustments/{id}/approve", newId()).exchange()
                    .expectStatus().isNotFound();

            badAdjustment(Map.of("adjustmentId", newId(), "partnerId", partner,
                    "amount", Map.of("amount", "0.00", "currency", "EUR"), "reason", "r"));
            badAdjustment(Map.of("adjustmentId", newId(), "partnerId", partner,
                    "amount", Map.of("amount", "1.005", "currency", "EUR"), "reason", "r"));
            badAdjustment(Map.of("adjustmentId", newId(), "partnerId", partner,
                    "amount", Map.of("amount", "1.00", "currency", "EUR")));
            badAdjustment(Map.of("adjustmentId", newId(), "partnerId", partner,
                    "amount", Map.of("amount", "1.00", "currency", "EUR"), "reason", "x".repeat(2001)));
            badAdjustment(Map.of("partnerId", partner, "amount", Map.of("amount", "1.00", "currency", "EUR"),
                    "reason", "r"));
            as(TOKENS.finance()).post().uri("/api/adjustments").bodyValue(Map.of("adjustmentId", newId(),
                            "partnerId", newId(), "amount", Map.of("amount", "1.00", "currency", "EUR"),
                            "reason", "r"))
                    .exchange().expectStatus().isNotFound();
            as(TOKENS.finance()).get().uri("/api/adjustments?status=MAYBE").exchange().expectStatus().isBadRequest();
        }

        private void badAdjustment(Map<String, Object> body) {
            as(TOKENS.finance()).post().uri("/api/adjustments").bodyValue(body).exchange()
                    .expectStatus().isBadRequest();
        }
    }

    @Nested
    class Holds {

        @Test
        void aHeldEntryIsPendingAndInNoBatchUntilReleased() {
            String partner = newId();
            makePayable(partner);
            String entryId = writeEntry(partner, "100.00", "EUR", "2026-11-10");

            as(TOKENS.finance()).post().uri("/api/commissions/{e}/hold", entryId)
                    .bodyValue(Map.of("reason", "client insolvent")).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.entryId").isEqualTo(entryId)
                    .jsonPath("$.hold.reason").isEqualTo("client insolvent")
                    .jsonPath("$.hold.since").isEqualTo("2026-11-26T12:00:00Z");
            JsonNode summary = summary(partner);
            assertThat(summary.at("/currencies/0/balance/amount").asText()).isEqualTo("100.00");
            assertThat(summary.at("/currencies/0/pending/amount").asText()).isEqualTo("100.00");
            assertThat(summary.at("/currencies/0/payable/amount").asText()).isEqualTo("0.00");
            assertThat(linesOf(createBatch(), partner)).isEmpty();

            as(TOKENS.finance()).post().uri("/api/commissions/{e}/release", entryId)
                    .bodyValue(Map.of("reason", "client paid")).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.hold").isEmpty();
            assertThat(linesOf(createBatch(), partner)).containsExactly("100.00");
        }

        @Test
        void anEntryInAnOpenOrPaidBatchCannotBeHeldAndThePayableNeverGoesNegative() {
            String partner = newId();
            makePayable(partner);
            String entryId = writeEntry(partner, "100.00", "EUR", "2026-11-10");
            JsonNode batch = createBatch();
            assertThat(linesOf(batch, partner)).containsExactly("100.00");

            hold(entryId).expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody()
                    .jsonPath("$.type").isEqualTo(PROBLEMS + "entry-in-open-batch");
            as(SECOND_FINANCE).post().uri("/api/payouts/{b}/confirm", batch.get("batchId").asText()).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PAID");
            hold(entryId).expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody()
                    .jsonPath("$.type").isEqualTo(PROBLEMS + "entry-already-paid");

            assertThat(entry(partner, entryId).get("hold").isNull()).isTrue();
            assertPaidUp(partner);
            // a partner may still dispute a paid entry: it shows as held, and holds back nothing
            as(TOKENS.partner(partner)).post().uri("/api/commissions/{e}/disputes", entryId)
                    .bodyValue(Map.of("message", "the rate should be 12%")).exchange().expectStatus().isCreated();
            assertThat(entry(partner, entryId).at("/hold/reason").asText())
                    .isEqualTo("Disputed: the rate should be 12%");
            assertPaidUp(partner);
        }

        private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec hold(String entryId) {
            return as(TOKENS.finance()).post().uri("/api/commissions/{e}/hold", entryId)
                    .bodyValue(Map.of("reason", "client insolvent")).exchange();
        }

        private void assertPaidUp(String partner) {
            JsonNode summary = summary(partner);
            assertThat(summary.at("/currencies/0/paid/amount").asText()).isEqualTo("100.00");
            assertThat(summary.at("/currencies/0/balance/amount").asText()).isEqualTo("0.00");
            assertThat(summary.at("/currencies/0/pending/amount").asText()).isEqualTo("0.00");
            assertThat(summary.at("/currencies/0/payable/amount").asText()).isEqualTo("0.00");
        }

        @Test
        void onlyFinanceHoldsAndOnlyExistingEntriesWithAReason() {
            String partner = newId();
            String entryId = writeEntry(partner, "10.00", "EUR", "2026-11-10");
            as(TOKENS.partner(partner)).post().uri("/api/commissions/{e}/hold", entryId)
                    .bodyValue(Map.of("reason", "x")).exchange().expectStatus().isForbidden();
            as(TOKENS.ops()).post().uri("/api/commissions/{e}/release", entryId)
                    .bodyValue(Map.of("reason", "x")).exchange().expectStatus().isForbidden();
            as(TOKENS.finance()).post().uri("/api/commissions/{e}/hold", newId())
                    .bodyValue(Map.of("reason", "x")).exchange().expectStatus().isNotFound();
            as(TOKENS.finance()).post().uri("/api/commissions/{e}/hold", entryId)
                    .bodyValue(Map.of("reason", "")).exchange().expectStatus().isBadRequest();
            as(TOKENS.finance()).post().uri("/api/commissions/{e}/hold", entryId)
                    .bodyValue("{not json").header("Content-Type", "application/json").exchange()
                    .expectStatus().isBadRequest();
            // releasing an entry that was never held answers it as it is
            as(TOKENS.finance()).post().uri("/api/commissions/{e}/release", entryId)
                    .bodyValue(Map.of("reason", "x")).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.hold").isEmpty();
        }
    }

    @Nested
    class Disputes {

        @Test
        void aPartnersDisputeHoldsTheEntryUntilFinanceUpholdsItWithAnAdjustment() {
            String partner = newId();
            makePayable(partner);
            String entryId = writeEntry(partner, "100.00", "EUR", "2026-11-10");

            JsonNode dispute = as(TOKENS.partner(partner)).post().uri("/api/commissions/{e}/disputes", entryId)
                    .bodyValue(Map.of("message", "the rate should be 12%")).exchange()
                    .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
            String disputeId = dispute.get("disputeId").asText();
            assertThat(dispute.get("status").asText()).isEqualTo("OPEN");

            JsonNode entry = entry(partner, entryId);
            assertThat(entry.at("/hold/reason").asText()).isEqualTo("Disputed: the rate should be 12%");
            assertThat(entry.at("/disputes/0/disputeId").asText()).isEqualTo(disputeId);
            assertThat(entry.at("/disputes/0/status").asText()).isEqualTo("OPEN");
            assertThat(linesOf(createBatch(), partner)).isEmpty();
            as(TOKENS.finance()).post().uri("/api/commissions/{e}/release", entryId)
                    .bodyValue(Map.of("reason", "x")).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                    .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "dispute-open");

            as(TOKENS.partner(partner)).get().uri("/api/disputes?status=OPEN").exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.items[0].disputeId").isEqualTo(disputeId);
            as(TOKENS.partner(newId())).get().uri("/api/disputes?partnerId={p}", partner).exchange()
                    .expectStatus().isNotFound();
            as(TOKENS.finance()).get().uri("/api/disputes?partnerId={p}", partner).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(1);

            // bad resolutions change nothing
            as(TOKENS.partner(partner)).post().uri("/api/disputes/{d}/resolve", disputeId)
                    .bodyValue(Map.of("outcome", "UPHELD", "note", "me")).exchange().expectStatus().isForbidden();
            resolveBadly(disputeId, Map.of("outcome", "UPHELD", "note", "n",
                    "adjustment", Map.of("amount", "20", "currency", "JPY")));
            resolveBadly(disputeId, Map.of("outcome", "DISMISSED", "note", "n",
                    "adjustment", Map.of("amount", "20.00", "currency", "EUR")));
            resolveBadly(disputeId, Map.of("outcome", "MAYBE", "note", "n"));
            resolveBadly(disputeId, Map.of("note", "n"));

            as(TOKENS.finance()).post().uri("/api/disputes/{d}/resolve", disputeId)
                    .bodyValue(Map.of("outcome", "UPHELD", "note", "tier 2 applies",
                            "adjustment", Map.of("amount", "20.00", "currency", "EUR"))).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.status").isEqualTo("RESOLVED").jsonPath("$.outcome").isEqualTo("UPHELD")
                    .jsonPath("$.adjustment.amount").isEqualTo("20.00");
            List<JsonNode> entries = entries(partner);
            assertThat(entries).extracting(e -> e.get("type").asText() + " " + e.at("/amount/amount").asText())
                    .containsExactlyInAnyOrder("ACCRUAL 100.00", "ADJUSTMENT 20.00");
            JsonNode released = entry(partner, entryId);
            assertThat(released.get("hold").isNull()).isTrue();
            assertThat(released.at("/disputes/0/outcome").asText()).isEqualTo("UPHELD");
            assertThat(summary(partner).at("/currencies/0/accrued/amount").asText()).isEqualTo("120.00");
            assertThat(linesOf(createBatch(), partner)).containsExactly("120.00");

            // commission-events tell the partner's side what happened
            assertThat(relayed(partner, "rapport.commission.dispute-opened.v1").get(0).get("disputeId").asText())
                    .isEqualTo(disputeId);
            assertThat(relayed(partner, "rapport.commission.entry-held.v1").get(0).get("entryId").asText())
                    .isEqualTo(entryId);
            assertThat(relayed(partner, "rapport.commission.dispute-resolved.v1").get(0).get("outcome").asText())
                    .isEqualTo("UPHELD");
            assertThat(relayed(partner, "rapport.commission.entry-released.v1")).hasSize(1);
            assertThat(relayed(partner, "rapport.commission.adjusted.v1").get(0).get("disputeId").asText())
                    .isEqualTo(disputeId);
        }

        @Test
        void anotherPartnersEntryCannotBeDisputedAndOpsCannotDispute() {
            String partner = newId();
            String entryId = writeEntry(partner, "10.00", "EUR", "2026-11-10");
            as(TOKENS.partner(newId())).post().uri("/api/commissions/{e}/disputes", entryId)
                    .bodyValue(Map.of("message", "mine?")).exchange().expectStatus().isNotFound();
            as(TOKENS.ops()).post().uri("/api/commissions/{e}/disputes", entryId)
                    .bodyValue(Map.of("message", "x")).exchange().expectStatus().isForbidden();
            as(TOKENS.partner(partner)).post().uri("/api/commissions/{e}/disputes", entryId)
                    .bodyValue(Map.of("message", "x".repeat(2001))).exchange().expectStatus().isBadRequest();
            as(TOKENS.finance()).post().uri("/api/commissions/{e}/disputes", entryId)
                    .bodyValue(Map.of("message", "finance asks on the partner's behalf")).exchange()
                    .expectStatus().isCreated();
            as(TOKENS.ops()).get().uri("/api/disputes").exchange().expectStatus().isForbidden();
            as(TOKENS.finance()).get().uri("/api/disputes?status=WHATEVER").exchange().expectStatus().isBadRequest();
            as(TOKENS.finance()).post().uri("/api/disputes/{d}/resolve", newId())
                    .bodyValue(Map.of("outcome", "DISMISSED", "note", "n")).exchange().expectStatus().isNotFound();
        }

        private void resolveBadly(String disputeId, Map<String, Object> body) {
            as(TOKENS.finance()).post().uri("/api/disputes/{d}/resolve", disputeId).bodyValue(body).exchange()
                    .expectStatus().isBadRequest();
        }
    }

    @Nested
    class Journal {

        @Test
        void everyEntryGivesBalancedLinesOnTheConfiguredAccounts() throws IOException {
            String partner = newId();
            // booked (occurredOn) 14 days before they are payable: 2026-10-27 and 2026-10-28
            writeEntry(partner, "100.00", "EUR", "2026-11-10");
            writeEntry(partner, "5000", "JPY", "2026-11-11");
            String csv = as(TOKENS.finance()).get().uri("/api/exports/journal.csv?from=2026-10-01&to=2026-11-30")
                    .exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/csv")
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(csv).startsWith("date,entryId,account,debit,credit,currency,partnerId,referralId,text\r\n");
            List<CSVRecord> mine = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(new StringReader(csv)).getRecords().stream()
                    .filter(r -> partner.equals(r.get("partnerId"))).toList();
            assertThat(mine).extracting(r -> r.get("account") + " " + r.get("debit") + "/" + r.get("credit") + " "
                    + r.get("currency")).containsExactlyInAnyOrder("6100 100.00/ EUR", "2100 /100.00 EUR",
                    "6100 5000/ JPY", "2100 /5000 JPY");

            as(TOKENS.partner(partner)).get().uri("/api/exports/journal.csv").exchange().expectStatus().isForbidden();
            as(TOKENS.finance()).get().uri("/api/exports/journal.csv?from=2026-12-01&to=2026-11-01").exchange()
                    .expectStatus().isBadRequest();
            as(TOKENS.finance()).get().uri("/api/exports/journal.csv?from=yesterday").exchange()
                    .expectStatus().isBadRequest();
        }
    }

    /** The data of this context's commission-events of one type for the partner (at least one, waited for). */
    private List<JsonNode> relayed(String partner, String type) {
        return KAFKA.read(Topics.COMMISSION_EVENTS, r -> partner.equals(r.key())
                                && ("/" + applicationName).equals(KAFKA.envelope(r).source())
                                && type.equals(KAFKA.envelope(r).type()), 1, Duration.ofSeconds(30))
                .stream().map(r -> KAFKA.envelope(r).data()).toList();
    }

    /** A partner the service learnt of from {@code partner.registered} (adjustments are for known partners). */
    private String registeredPartner() {
        String partner = newId();
        referralService.partnerRegistered(partner, "Partner " + partner.substring(0, 6), null);
        await().atMost(Duration.ofSeconds(60)).until(() -> Boolean.TRUE.equals(mongo.exists(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(partner)),
                "partners").block()));
        return partner;
    }

    /** An accrual as the ledger projection writes it (and its open item), payable on {@code payableAt}. */
    private String writeEntry(String partner, String amount, String currency, String payableAt) {
        String entryId = newId();
        Money money = Money.of(amount, currency);
        LocalDate payable = LocalDate.parse(payableAt);
        LedgerEntry entry = new LedgerEntry(entryId, partner, newId(), CommissionRole.INTRODUCER, EntryType.ACCRUAL,
                money, new BigDecimal("0.10"), money, payable, Instant.parse("2026-11-20T10:00:00Z"), newId(),
                "10% of a payment", payable.minusDays(14), null);
        mongo.save(LedgerDocuments.toDocument(entry), LedgerDocuments.LEDGER).block();
        mongo.save(OpenItem.of(entryId, partner, money, payable)).block();
        return entryId;
    }

    private List<JsonNode> entries(String partner) {
        JsonNode page = as(TOKENS.finance()).get().uri("/api/commissions?partnerId={p}&size=500", partner)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }

    private JsonNode entry(String partner, String entryId) {
        return entries(partner).stream().filter(e -> entryId.equals(e.get("entryId").asText())).findFirst()
                .orElseThrow();
    }

    private JsonNode summary(String partner) {
        return as(TOKENS.finance()).get().uri("/api/commissions/summary?partnerId={p}", partner).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode createBatch() {
        return as(TOKENS.finance()).post().uri("/api/payouts").bodyValue(Map.of("asOf", "2026-11-26")).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static List<String> linesOf(JsonNode batch, String partner) {
        List<String> lines = new ArrayList<>();
        batch.get("lines").forEach(line -> {
            if (partner.equals(line.get("partnerId").asText())) {
                lines.add(line.at("/amount/amount").asText());
            }
        });
        return lines;
    }
}
