package com.rapport.commission.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.commission.CommissionServiceTestBase;
import com.rapport.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Finance confirms a batch over real Kafka and MongoDB: each line gets a self-billing invoice with the VAT its
 * partner's registration calls for, the invoice is listed, downloadable as a PDF (read back with PDFBox),
 * announced on Kafka, and counted in the partner's tax statement. Other test classes share the database, so
 * assertions look at this test's partners (and at the numbering of all invoices, which must stay gapless).
 */
class InvoicingIntegrationTest extends CommissionServiceTestBase {

    private static final String SECOND_FINANCE = "finance-2";

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private EventStore eventStore;

    @Test
    void confirmingABatchIssuesOneInvoicePerLineWithItsVat() throws IOException {
        String german = newId();
        String french = newId();
        earnPayable(german, "1000.00");
        earnPayable(french, "500.00");
        taxProfile(german, "Müller Beratung GmbH", "DE", "DE123456789", true);
        taxProfile(french, "深圳市腾达科技有限公司", "FR", "FRXX123456789", true);

        JsonNode batch = as(TOKENS.finance()).post().uri("/api/payouts").bodyValue(Map.of("asOf", "2026-11-15"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String batchId = batch.get("batchId").asText();
        assertThat(lineAmounts(batch, german)).containsExactly("100.00");
        assertThat(lineAmounts(batch, french)).containsExactly("50.00");
        confirm(batchId);

        JsonNode germanInvoice = awaitInvoices(german, 1).get(0);
        assertThat(germanInvoice.get("invoiceNumber").asText()).matches("SB-2026-\\d{6}");
        assertThat(germanInvoice.get("batchId").asText()).isEqualTo(batchId);
        assertThat(germanInvoice.get("currency").asText()).isEqualTo("EUR");
        assertThat(germanInvoice.at("/net/amount").asText()).isEqualTo("100.00");
        assertThat(germanInvoice.at("/vat/amount").asText()).isEqualTo("19.00");
        assertThat(germanInvoice.at("/total/amount").asText()).isEqualTo("119.00");
        assertThat(germanInvoice.get("issuedAt").isNull()).isFalse();
        JsonNode frenchInvoice = awaitInvoices(french, 1).get(0);
        assertThat(frenchInvoice.at("/vat/amount").asText()).isEqualTo("0.00");
        assertThat(frenchInvoice.at("/total/amount").asText()).isEqualTo("50.00");

        // the PDF, for FINANCE and for the partner itself
        String germanNumber = germanInvoice.get("invoiceNumber").asText();
        String text = pdfText(TOKENS.finance(), "/api/invoices/" + germanNumber + ".pdf");
        assertThat(text).contains("Self-billing invoice", germanNumber, "2026-11-26", "Müller Beratung GmbH",
                "VAT ID: DE123456789", "Rapport Agency GmbH", "ACCRUAL", "Net 100.00 EUR", "VAT 19% 19.00 EUR",
                "Total 119.00 EUR").doesNotContain("Reverse charge");
        assertThat(pdfText(TOKENS.partner(german), "/api/invoices/" + germanNumber + ".pdf")).contains(germanNumber);
        String frenchNumber = frenchInvoice.get("invoiceNumber").asText();
        assertThat(pdfText(TOKENS.partner(french), "/api/invoices/" + frenchNumber + ".pdf"))
                .contains(frenchNumber, "深圳市腾达科技有限公司", "VAT ID: FRXX123456789", "Total 50.00 EUR",
                        "Reverse charge");

        // announced on commission-events, keyed by the partner
        List<ConsumerRecord<String, byte[]>> issued = KAFKA.read(Topics.COMMISSION_EVENTS,
                r -> german.equals(r.key()) && ("/" + applicationName).equals(KAFKA.envelope(r).source())
                        && "rapport.commission.invoice-issued.v1".equals(KAFKA.envelope(r).type()),
                1, Duration.ofSeconds(30));
        assertThat(issued).hasSize(1);
        JsonNode data = KAFKA.envelope(issued.get(0)).data();
        assertThat(data.get("invoiceNumber").asText()).isEqualTo(germanNumber);
        assertThat(data.get("batchId").asText()).isEqualTo(batchId);
        assertThat(data.get("currency").asText()).isEqualTo("EUR");
        assertThat(data.at("/total/amount").asText()).isEqualTo("119.00");

        // confirming again issues nothing
        confirm(batchId);
        assertThat(awaitInvoices(german, 1)).hasSize(1);

        // the issuer replays every confirmed batch from the start (as after a lost token): nothing new is issued,
        // and the year's numbers run from 1 without a gap, each listed once
        TrackingEventProcessor issuer = processing.eventProcessor(InvoiceIssuer.GROUP, TrackingEventProcessor.class)
                .orElseThrow();
        issuer.shutDown();
        issuer.resetTokens();
        issuer.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> !issuer.processingStatus().isEmpty()
                && issuer.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp));
        List<String> registered = new ArrayList<>();
        eventStore.readEvents(InvoiceRegister.idOf(2026)).forEachRemaining(
                event -> registered.add(((InvoiceIssued) event.getPayload()).invoiceNumber()));
        assertThat(registered).contains(germanNumber, frenchNumber);
        for (int i = 0; i < registered.size(); i++) {
            assertThat(registered.get(i)).isEqualTo("SB-2026-%06d".formatted(i + 1));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> listed = new ArrayList<>();
            as(TOKENS.finance()).get().uri("/api/invoices?year=2026&size=500").exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody().get("items")
                    .forEach(item -> listed.add(item.get("invoiceNumber").asText()));
            assertThat(listed).isEqualTo(registered);
        });
        assertThat(awaitInvoices(german, 1)).hasSize(1);

        // the year-end tax statement says the same, as JSON and as a document
        as(TOKENS.partner(german)).get().uri("/api/tax-statements/{p}/2026", german).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.partnerId").isEqualTo(german)
                .jsonPath("$.year").isEqualTo(2026)
                .jsonPath("$.currencies.length()").isEqualTo(1)
                .jsonPath("$.currencies[0].currency").isEqualTo("EUR")
                .jsonPath("$.currencies[0].paid.amount").isEqualTo("119.00")
                .jsonPath("$.currencies[0].invoices").isEqualTo(1)
                .jsonPath("$.currencies[0].invoiceNumbers[0]").isEqualTo(germanNumber);
        assertThat(pdfText(TOKENS.finance(), "/api/tax-statements/" + german + "/2026.pdf"))
                .contains("Tax statement 2026", "Müller Beratung GmbH", germanNumber, "119.00 EUR");
        as(TOKENS.finance()).get().uri("/api/tax-statements/{p}/2025", german).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.currencies.length()").isEqualTo(0);

        // who may see what: another partner is told 404, OPS 403
        as(TOKENS.partner(french)).get().uri("/api/invoices/{n}.pdf", germanNumber).exchange()
                .expectStatus().isNotFound();
        as(TOKENS.partner(french)).get().uri("/api/invoices?partnerId={p}", german).exchange()
                .expectStatus().isNotFound();
        as(TOKENS.partner(french)).get().uri("/api/invoices").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].invoiceNumber").isEqualTo(frenchNumber);
        as(TOKENS.ops()).get().uri("/api/invoices").exchange().expectStatus().isForbidden();
        as(TOKENS.ops()).get().uri("/api/invoices/{n}.pdf", germanNumber).exchange().expectStatus().isForbidden();
        as(TOKENS.finance()).get().uri("/api/invoices/SB-2026-999999.pdf").exchange().expectStatus().isNotFound();
        as(TOKENS.partner(french)).get().uri("/api/tax-statements/{p}/2026", german).exchange()
                .expectStatus().isNotFound();
        as(TOKENS.partner(french)).get().uri("/api/tax-statements/{p}/2026.pdf", german).exchange()
                .expectStatus().isNotFound();
        as(TOKENS.ops()).get().uri("/api/tax-statements/{p}/2026", german).exchange().expectStatus().isForbidden();
        as(TOKENS.finance()).get().uri("/api/invoices?size=0").exchange().expectStatus().isBadRequest();
    }

    private void earnPayable(String partner, String paid) {
        String referral = newId();
        referralService.partnerRegistered(partner, "Partner " + partner.substring(0, 4), null);
        referralService.contractSigned(referral, partner, "10000.00", "EUR", 1);
        referralService.paymentReceived(referral, partner, paid, paid, "EUR", "2026-11-01");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(TOKENS.finance()).get()
                .uri("/api/commissions?partnerId={p}", partner).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(1));
        as(TOKENS.partner(partner)).put().uri("/api/payout-details/{p}", partner)
                .bodyValue(Map.of("accountHolder", "Partner", "iban", "DE89370400440532013000")).exchange()
                .expectStatus().isOk();
    }

    private void taxProfile(String partner, String legalName, String country, String vatId, boolean registered) {
        Map<String, Object> body = new HashMap<>(Map.of("legalName", legalName,
                "address", Map.of("line1", "Street 1", "city", "City", "postalCode", "12345", "country", country),
                "vatId", vatId, "vatRegistered", registered, "selfBillingAccepted", true));
        as(TOKENS.partner(partner)).put().uri("/api/tax-profiles/{p}", partner).bodyValue(body).exchange()
                .expectStatus().isOk();
    }

    private void confirm(String batchId) {
        as(TOKENS.token(SECOND_FINANCE, List.of("FINANCE"), null)).post().uri("/api/payouts/{b}/confirm", batchId)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PAID");
    }

    private List<JsonNode> awaitInvoices(String partner, int count) {
        List<JsonNode> items = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            items.clear();
            as(TOKENS.partner(partner)).get().uri("/api/invoices?partnerId={p}", partner).exchange()
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("items")
                    .forEach(items::add);
            assertThat(items).hasSize(count);
        });
        return items;
    }

    private static List<String> lineAmounts(JsonNode batch, String partner) {
        List<String> amounts = new ArrayList<>();
        batch.get("lines").forEach(line -> {
            if (partner.equals(line.get("partnerId").asText())) {
                amounts.add(line.at("/amount/amount").asText());
            }
        });
        return amounts;
    }

    private String pdfText(String token, String path) throws IOException {
        byte[] pdf = as(token).mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build()
                .get().uri(path).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
