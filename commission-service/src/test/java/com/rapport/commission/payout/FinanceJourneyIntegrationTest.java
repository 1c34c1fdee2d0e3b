package com.rapport.commission.payout;

import com.fasterxml.jackson.databind.JsonNode;
import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.rapport.commission.CommissionServiceTestBase;
import com.rapport.events.Topics;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Finance's journey over real Kafka and MongoDB: the hold date decides what a batch takes, a batch can be cancelled
 * and its entries taken again, a confirmed batch writes PAYOUT entries, a refund after a payout makes the balance
 * negative and the next batch nets it, and the files (batch CSV, pain.001, ledger CSV, statements) say the same.
 * Other test classes share the database, so assertions look at this test's partners only.
 */
@TestPropertySource(properties = {
        "rapport.commission.payout.debtor.name=Rapport Agency Ltd",
        "rapport.commission.payout.debtor.iban=DE89 3704 0044 0532 0130 00",
        "rapport.commission.payout.debtor.bic=COBADEFFXXX"})
class FinanceJourneyIntegrationTest extends CommissionServiceTestBase {

    /** Another finance user: the second pair of eyes. */
    private static final String SECOND_FINANCE = TOKENS.token("finance-2", List.of("FINANCE"), null);

    @Test
    void aPaymentIsPayableAfterItsHoldAndABatchTakesItOnlyFromThatDate() throws IOException {
        String partner = newId();
        String referral = newId();
        referralService.partnerRegistered(partner, "Partner S", null);
        referralService.contractSigned(referral, partner, "10000.00", "EUR", 1);
        referralService.paymentReceived(referral, partner, "1000.00", "1000.00", "EUR", "2026-11-01");
        awaitEntries(partner, 1);
        // without a tax profile a batch skips the partner, and says why
        JsonNode skipping = createBatch("2026-11-15");
        assertThat(linesOf(skipping, partner)).isEmpty();
        assertThat(skippedOf(skipping, partner)).extracting(s -> s.get("reason").asText() + " "
                + s.at("/amount/amount").asText() + " " + s.get("currency").asText())
                .containsExactly("no-tax-profile 100.00 EUR");
        makePayable(partner);

        // worked example 6: received 2026-11-01, hold 14 days → payable 2026-11-15
        JsonNode early = createBatch("2026-11-14");
        assertThat(linesOf(early, partner)).isEmpty();
        JsonNode onTime = createBatch("2026-11-15");
        assertThat(linesOf(onTime, partner)).extracting(l -> l.get("amount").get("amount").asText())
                .containsExactly("100.00");
        assertThat(onTime.get("status").asText()).isEqualTo("OPEN");

        // while a live batch holds the entry, no other batch takes it; cancelling frees it
        assertThat(linesOf(createBatch("2026-11-15"), partner)).isEmpty();
        as(TOKENS.finance()).post().uri("/api/payouts/{b}/cancel", onTime.get("batchId").asText()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        JsonNode batch = createBatch("2026-11-15");
        String batchId = batch.get("batchId").asText();
        assertThat(linesOf(batch, partner)).hasSize(1);

        // the partner's account: an invalid IBAN is refused, a valid one kept in electronic form
        as(TOKENS.partner(partner)).put().uri("/api/payout-details/{p}", partner)
                .bodyValue(Map.of("accountHolder", "Partner S GmbH", "iban", "DE89370400440532013001"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://docs.rapport.example/problems/invalid-iban");
        as(TOKENS.partner(partner)).put().uri("/api/payout-details/{p}", partner)
                .bodyValue(Map.of("accountHolder", "Partner S GmbH", "iban", "FR14 2004 1010 0505 0001 3M02 606"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.iban").isEqualTo("FR1420041010050500013M02606");

        // the bank file, read back through Prowide's model
        String xml = as(TOKENS.finance()).get().uri("/api/payouts/{b}/pain001.xml", batchId).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        MxPain00100109 pain = MxPain00100109.parse(xml);
        PaymentInstruction30 instruction = pain.getCstmrCdtTrfInitn().getPmtInf().get(0);
        CreditTransferTransaction34 transfer = instruction.getCdtTrfTxInf().stream()
                .filter(t -> "FR1420041010050500013M02606".equals(t.getCdtrAcct().getId().getIBAN()))
                .findFirst().orElseThrow();
        assertThat(transfer.getAmt().getInstdAmt().getValue()).isEqualByComparingTo("100.00");
        assertThat(transfer.getAmt().getInstdAmt().getCcy()).isEqualTo("EUR");
        assertThat(transfer.getCdtr().getNm()).isEqualTo("Partner S GmbH");
        assertThat(instruction.getDbtrAcct().getId().getIBAN()).isEqualTo("DE89370400440532013000");
        BigDecimal sum = instruction.getCdtTrfTxInf().stream().map(t -> t.getAmt().getInstdAmt().getValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(instruction.getCtrlSum()).isEqualByComparingTo(sum);
        assertThat(pain.getCstmrCdtTrfInitn().getGrpHdr().getCtrlSum()).isEqualByComparingTo(sum);
        assertThat(pain.getCstmrCdtTrfInitn().getGrpHdr().getNbOfTxs())
                .isEqualTo(String.valueOf(instruction.getCdtTrfTxInf().size()));

        // the batch as CSV: one line a partner and currency
        String csv = as(TOKENS.finance()).get().uri("/api/payouts/{b}/export.csv", batchId).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(String.class).returnResult().getResponseBody();
        CSVRecord line = csv(csv).stream().filter(r -> partner.equals(r.get("partnerId"))).findFirst().orElseThrow();
        assertThat(line.get("batchId")).isEqualTo(batchId);
        assertThat(line.get("currency")).isEqualTo("EUR");
        assertThat(line.get("amount")).isEqualTo("100.00");
        assertThat(line.get("iban")).isEqualTo("FR1420041010050500013M02606");

        // four eyes: the finance user who created the batch may not confirm it
        as(TOKENS.finance()).post().uri("/api/payouts/{b}/confirm", batchId).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://docs.rapport.example/problems/four-eyes");
        as(TOKENS.finance()).get().uri("/api/payouts/{b}", batchId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("OPEN")
                .jsonPath("$.createdBy").isEqualTo("finance");
        // confirming pays: a PAYOUT entry, paid in the summary; confirming again changes nothing; cancel is refused
        as(SECOND_FINANCE).post().uri("/api/payouts/{b}/confirm", batchId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PAID");
        as(SECOND_FINANCE).post().uri("/api/payouts/{b}/confirm", batchId).exchange().expectStatus().isOk();
        as(TOKENS.finance()).post().uri("/api/payouts/{b}/cancel", batchId).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.type").isEqualTo("https://docs.rapport.example/problems/illegal-transition");
        List<ConsumerRecord<String, byte[]>> paidEvents = KAFKA.read(
                Topics.COMMISSION_EVENTS, r -> partner.equals(r.key())
                        && ("/" + applicationName).equals(KAFKA.envelope(r).source())
                        && "rapport.commission.payout-paid.v1".equals(KAFKA.envelope(r).type()),
                1, Duration.ofSeconds(30));
        assertThat(paidEvents).hasSize(1);
        assertThat(KAFKA.envelope(paidEvents.get(0)).data().at("/amount/amount").asText()).isEqualTo("100.00");
        assertThat(KAFKA.envelope(paidEvents.get(0)).data().get("batchId").asText()).isEqualTo(batchId);
        JsonNode summary = summary(partner);
        assertThat(summary.at("/currencies/0/paid/amount").asText()).isEqualTo("100.00");
        assertThat(summary.at("/currencies/0/balance/amount").asText()).isEqualTo("0.00");
        assertThat(summary.at("/currencies/0/projected/amount").asText()).isEqualTo("900.00");

        // a refund after the payout: the balance goes negative, a batch leaves the line out...
        referralService.refundIssued(referral, partner, "1000.00", "0.00", "EUR", "2026-11-20");
        awaitEntries(partner, 3);
        assertThat(summary(partner).at("/currencies/0/balance/amount").asText()).isEqualTo("-100.00");
        assertThat(linesOf(createBatch("2026-11-26"), partner)).isEmpty();
        // ...and the next one nets it against new commission (received 2026-11-12: payable today, 2026-11-26)
        referralService.paymentReceived(referral, partner, "5000.00", "5000.00", "EUR", "2026-11-12");
        awaitEntries(partner, 4);
        assertThat(linesOf(createBatch("2026-11-26"), partner)).extracting(l -> l.get("amount").get("amount").asText())
                .containsExactly("400.00");

        // statements chain: the closing balance of one period is the opening of the next
        JsonNode november = statement(partner, "2026-11-01", "2026-11-20");
        JsonNode later = statement(partner, "2026-11-21", "2026-12-31");
        assertThat(november.at("/currencies/0/openingBalance/amount").asText()).isEqualTo("0.00");
        assertThat(november.at("/currencies/0/closingBalance/amount").asText())
                .isEqualTo(later.at("/currencies/0/openingBalance/amount").asText());
        assertThat(later.at("/currencies/0/closingBalance/amount").asText()).isEqualTo("400.00");

        // the ledger export: a header row, plain decimals, a currency column
        String ledgerCsv = as(TOKENS.finance()).get().uri("/api/exports/ledger.csv?from=2026-11-01&to=2026-12-31")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        List<CSVRecord> mine = csv(ledgerCsv).stream().filter(r -> partner.equals(r.get("partnerId"))).toList();
        assertThat(mine).extracting(r -> r.get("type") + " " + r.get("amount") + " " + r.get("currency"))
                .containsExactlyInAnyOrder("ACCRUAL 100.00 EUR", "PAYOUT -100.00 EUR", "REVERSAL -100.00 EUR",
                        "ACCRUAL 500.00 EUR");
    }

    @Test
    void twoBatchesCreatedAtTheSameTimeNeverHoldTheSameEntry() {
        String partner = newId();
        String referral = newId();
        referralService.partnerRegistered(partner, "Partner V", null);
        referralService.contractSigned(referral, partner, "3000.00", "EUR", 1);
        referralService.paymentReceived(referral, partner, "1000.00", "1000.00", "EUR", "2026-10-01");
        referralService.paymentReceived(referral, partner, "1000.00", "2000.00", "EUR", "2026-10-02");
        awaitEntries(partner, 2);
        makePayable(partner);

        List<CompletableFuture<JsonNode>> racing = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racing.add(CompletableFuture.supplyAsync(() -> createBatch("2026-10-31")));
        }
        List<JsonNode> lines = racing.stream().map(CompletableFuture::join)
                .flatMap(batch -> linesOf(batch, partner).stream()).toList();
        assertThat(lines).extracting(l -> l.get("amount").get("amount").asText()).containsExactly("200.00");
    }

    @Test
    void aRetriedCreationWithTheSameIdempotencyKeyReturnsTheSameBatch() {
        String key = newId();
        String first = as(TOKENS.finance()).post().uri("/api/payouts").header("Idempotency-Key", key)
                .bodyValue(Map.of("asOf", "2026-01-01")).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("batchId").asText();
        long batches = batchCount();
        as(TOKENS.finance()).post().uri("/api/payouts").header("Idempotency-Key", key)
                .bodyValue(Map.of("asOf", "2026-01-01")).exchange().expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectHeader().location("/api/payouts/" + first)
                .expectBody().jsonPath("$.batchId").isEqualTo(first);
        as(TOKENS.finance()).post().uri("/api/payouts").header("Idempotency-Key", key)
                .bodyValue(Map.of("asOf", "2026-01-02")).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.type").isEqualTo("https://docs.rapport.example/problems/idempotency-key-reused");
        assertThat(batchCount()).isEqualTo(batches);
        // keys belong to their caller: another finance user's same key is a request of its own
        as(SECOND_FINANCE).post().uri("/api/payouts").header("Idempotency-Key", key)
                .bodyValue(Map.of("asOf", "2026-01-01")).exchange().expectStatus().isCreated()
                .expectHeader().doesNotExist("Idempotent-Replayed")
                .expectBody().jsonPath("$.batchId").value(batchId -> assertThat(batchId).isNotEqualTo(first));
    }

    @Test
    void concurrentCreationsWithOneIdempotencyKeyOpenOneBatch() {
        String key = newId();
        long before = batchCount();
        List<CompletableFuture<org.springframework.test.web.reactive.server.EntityExchangeResult<JsonNode>>> racing =
                new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racing.add(CompletableFuture.supplyAsync(() -> as(TOKENS.finance()).post().uri("/api/payouts")
                    .header("Idempotency-Key", key).bodyValue(Map.of("asOf", "2026-01-01")).exchange()
                    .expectBody(JsonNode.class).returnResult()));
        }
        var answers = racing.stream().map(CompletableFuture::join).toList();

        // the first request answers 201; the others its answer again, or 409 while it still runs
        assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatus().value()).isIn(201, 409));
        assertThat(answers).filteredOn(answer -> answer.getStatus().value() == 201)
                .extracting(answer -> answer.getResponseBody().get("batchId").asText()).isNotEmpty()
                .containsOnly(answers.stream().filter(answer -> answer.getStatus().value() == 201).findFirst()
                        .orElseThrow().getResponseBody().get("batchId").asText());
        assertThat(batchCount()).isEqualTo(before + 1);
    }

    private long batchCount() {
        return as(TOKENS.finance()).get().uri("/api/payouts?size=1").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("total").asLong();
    }

    @Test
    void aBatchAsOfAFutureDateIsRefused() {
        // issue 10 defect 11: answered 201 before
        as(TOKENS.finance()).post().uri("/api/payouts").bodyValue(Map.of("asOf", "2099-01-01")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://docs.rapport.example/problems/validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("asOf");
        // tomorrow is refused too, today is fine (the service clock says 2026-11-26)
        as(TOKENS.finance()).post().uri("/api/payouts").bodyValue(Map.of("asOf", "2026-11-27")).exchange()
                .expectStatus().isBadRequest();
        as(TOKENS.finance()).post().uri("/api/payouts").bodyValue(Map.of("asOf", "2026-11-26")).exchange()
                .expectStatus().isCreated();
    }

    @Test
    void onlyFinanceHandlesBatchesAndExports() {
        as(TOKENS.ops()).post().uri("/api/payouts").bodyValue(Map.of("asOf", "2026-01-01")).exchange()
                .expectStatus().isForbidden();
        as(TOKENS.partner(newId())).get().uri("/api/exports/ledger.csv").exchange().expectStatus().isForbidden();
        as(TOKENS.finance()).get().uri("/api/payouts/{b}", newId()).exchange().expectStatus().isNotFound();
        as(TOKENS.finance()).post().uri("/api/payouts/{b}/confirm", newId()).exchange().expectStatus().isNotFound();
        as(TOKENS.finance()).post().uri("/api/payouts").bodyValue(Map.of("asOf", "not a date")).exchange()
                .expectStatus().isBadRequest();
        as(TOKENS.finance()).get().uri("/api/payouts/{b}/pain001.xml?currency=XYZ", newId()).exchange()
                .expectStatus().isBadRequest();
        as(TOKENS.ops()).get().uri("/api/payouts/{b}/pain001.xml?currency=JPY", newId()).exchange()
                .expectStatus().isForbidden();
        String stranger = newId();
        as(TOKENS.partner(newId())).put().uri("/api/payout-details/{p}", stranger)
                .bodyValue(Map.of("accountHolder", "X", "iban", "DE89370400440532013000")).exchange()
                .expectStatus().isNotFound();
        as(TOKENS.partner(newId())).get().uri("/api/statements/{p}", stranger).exchange().expectStatus().isNotFound();
    }

    private void awaitEntries(String partner, int count) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(TOKENS.finance()).get()
                .uri("/api/commissions?partnerId={p}", partner).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(count));
    }

    private JsonNode createBatch(String asOf) {
        return as(TOKENS.finance()).post().uri("/api/payouts").bodyValue(Map.of("asOf", asOf)).exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static List<JsonNode> skippedOf(JsonNode batch, String partner) {
        List<JsonNode> skipped = new ArrayList<>();
        batch.get("skipped").forEach(line -> {
            if (partner.equals(line.get("partnerId").asText())) {
                skipped.add(line);
            }
        });
        return skipped;
    }

    private static List<JsonNode> linesOf(JsonNode batch, String partner) {
        List<JsonNode> lines = new ArrayList<>();
        batch.get("lines").forEach(line -> {
            if (partner.equals(line.get("partnerId").asText())) {
                lines.add(line);
            }
        });
        return lines;
    }

    private JsonNode summary(String partner) {
        return as(TOKENS.finance()).get().uri("/api/commissions/summary?partnerId={p}", partner).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode statement(String partner, String from, String to) {
        return as(TOKENS.partner(partner)).get().uri("/api/statements/{p}?from={f}&to={t}", partner, from, to)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static List<CSVRecord> csv(String text) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            return parser.getRecords();
        }
    }
}
