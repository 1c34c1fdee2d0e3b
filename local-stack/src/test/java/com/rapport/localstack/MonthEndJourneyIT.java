package com.rapport.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static com.rapport.localstack.Journeys.money;
import static com.rapport.localstack.Journeys.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12's journey through the gateway, as finance and partners close a month: two finance users (four eyes on
 * adjustments and on paying a batch), a partner's dispute upheld with an adjustment and the partner told, tax
 * profiles deciding who is paid, self-billing invoices read back from their PDFs, the double-entry journal balanced
 * entry by entry, and the batch's bank files (EUR validated against the EPC SEPA schema, JPY as a plain pain.001).
 *
 * <p>Its cash is dated 20 days ago so that it is payable today; a batch takes every payable entry of every partner
 * in the shared stack, so lines are read for this journey's partners only.
 */
class MonthEndJourneyIT {

    private static final String IBAN_DE = "DE89370400440532013000";
    private static final String IBAN_FR = "FR1420041010050500013M02606";
    private static final String IBAN_NL = "NL91ABNA0417164300";
    private static final String PAIN_001 = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Journeys journeys = new Journeys();
    private final Api api = journeys.api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The services' business calendar is UTC in the local stack. */
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    void financeClosesTheMonthWithFourEyesDisputesSelfBillingAndBankFiles() throws Exception {
        // 1. a second finance user: A is the stack's default one, B is created by the admin
        String financeA = journeys.finance;
        String financeBName = "finance-b-" + journeys.run;
        String financeBPassword = "pw-" + financeBName + "-secret";
        Api.Response userCreated = api.post("/auth/users", journeys.admin, Map.of("username", financeBName,
                "password", financeBPassword, "roles", List.of("FINANCE")));
        assertThat(userCreated.status()).as(userCreated.toString()).isEqualTo(201);
        String financeB = api.login(financeBName, financeBPassword);

        // 2. three partners with commissions payable today (cash received 20 days ago, 14 days' hold)
        Journeys.Partner de = journeys.partner("de");
        Journeys.Partner fr = journeys.partner("fr");
        Journeys.Partner untaxed = journeys.partner("untaxed");
        deal(de, "Berliner Werkstatt " + journeys.run, "10000.00", "EUR", "4000.00", "DEPOSIT");
        deal(de, "Tokyo Shoten " + journeys.run, "1000005", "JPY", "1000005", "FINAL");
        String frDeal = deal(fr, "Maison Lumiere " + journeys.run, "5000.00", "EUR", "3000.00", "DEPOSIT");
        deal(untaxed, "Untaxed Trading " + journeys.run, "2000.00", "EUR", "2000.00", "FINAL");
        awaitAmounts(de, "400.00 EUR", "100000 JPY");
        awaitAmounts(fr, "300.00 EUR");
        awaitAmounts(untaxed, "200.00 EUR");

        // 3. an adjustment: proposed by A, which A may not approve; B approves and the ledger explains it
        String adjustmentId = "bonus-" + journeys.run;
        String bonusReason = "Launch event bonus " + journeys.run;
        Map<String, Object> proposal = Map.of("adjustmentId", adjustmentId, "partnerId", fr.id(),
                "referralId", frDeal, "amount", money("50.00", "EUR"), "reason", bonusReason);
        Api.Response proposed = api.post("/api/adjustments", financeA, proposal);
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        assertThat(proposed.json().path("status").asText()).isEqualTo("PROPOSED");
        assertThat(proposed.json().path("proposedBy").asText()).isEqualTo("finance");
        Api.Response proposedAgain = api.post("/api/adjustments", financeA, proposal);
        assertThat(proposedAgain.status()).as("a retried proposal answers the original").isEqualTo(200);
        assertThat(proposedAgain.json().path("adjustmentId").asText()).isEqualTo(adjustmentId);

        Api.Response selfApproved = api.post("/api/adjustments/" + adjustmentId + "/approve", financeA, null);
        assertThat(selfApproved.status()).as(selfApproved.toString()).isEqualTo(403);
        assertThat(selfApproved.problemSlug()).isEqualTo("four-eyes");
        assertThat(ofType(entries(fr), "ADJUSTMENT")).as("nothing booked without a second pair of eyes").isEmpty();

        Api.Response approved = api.post("/api/adjustments/" + adjustmentId + "/approve", financeB, null);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("status").asText()).isEqualTo("APPROVED");
        JsonNode bonus = await().atMost(PATIENCE).until(() -> ofType(entries(fr), "ADJUSTMENT"), a -> a.size() == 1)
                .get(0);
        assertThat(amount(bonus)).isEqualTo("50.00 EUR");
        assertThat(bonus.path("explanation").asText()).contains(bonusReason).contains(financeBName);
        assertThat(bonus.path("hold").isNull()).isTrue();
        assertThat(LocalDate.parse(bonus.path("payableAt").asText())).isBeforeOrEqualTo(today);

        // 4. the partner disputes its accrual, which is held; finance upholds it with an adjustment
        JsonNode accrual = ofType(entries(fr), "ACCRUAL").get(0);
        String accrualId = accrual.path("entryId").asText();
        Api.Response othersDispute = api.post("/api/commissions/" + accrualId + "/disputes", de.token(),
                Map.of("message", "not mine to dispute"));
        assertThat(othersDispute.status()).as("another partner's entry is not found").isEqualTo(404);
        Api.Response disputed = api.post("/api/commissions/" + accrualId + "/disputes", fr.token(),
                Map.of("message", "The launch deposit was 3,250.00 EUR, not 3,000.00"));
        assertThat(disputed.status()).as(disputed.toString()).isEqualTo(201);
        assertThat(disputed.json().path("status").asText()).isEqualTo("OPEN");
        String disputeId = disputed.json().path("disputeId").asText();
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode held = entry(fr, accrualId);
            assertThat(held.path("hold").isObject()).as(held.toString()).isTrue();
            assertThat(held.path("hold").path("since").asText()).isNotBlank();
        });
        assertThat(api.get("/api/disputes?status=OPEN", fr.token()).json().path("items").toString())
                .contains(disputeId);

        String note = "Deposit confirmed at 3,250.00 EUR " + journeys.run;
        Api.Response resolved = api.post("/api/disputes/" + disputeId + "/resolve", financeA,
                Map.of("outcome", "UPHELD", "note", note, "adjustment", money("25.00", "EUR")));
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(resolved.json().path("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.json().path("outcome").asText()).isEqualTo("UPHELD");
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<JsonNode> adjustments = ofType(entries(fr), "ADJUSTMENT");
            assertThat(adjustments.stream().map(MonthEndJourneyIT::amount))
                    .containsExactlyInAnyOrder("50.00 EUR", "25.00 EUR");
            assertThat(adjustments).anySatisfy(a -> assertThat(a.path("explanation").asText())
                    .contains(note).contains("finance"));
            assertThat(entry(fr, accrualId).path("hold").isNull()).as("released by the resolution").isTrue();
        });
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(notifications(fr)).anySatisfy(n -> {
                    assertThat(n.path("eventType").asText()).isEqualTo("rapport.commission.dispute-resolved.v1");
                    assertThat(n.path("subject").asText() + " " + n.path("body").asText())
                            .contains("upheld").contains(note);
                }));

        // 5. tax profiles and payout details decide who is paid; four eyes on paying the batch
        String deLegalName = "Berlin Referrals " + journeys.run + " GmbH";
        String frLegalName = "Agence Dupont " + journeys.run + " SARL";
        Api.Response badVatId = api.put("/api/tax-profiles/" + fr.id(), fr.token(), taxProfile(frLegalName,
                "12 rue de la Paix", "Paris", "75002", "FR", "FR123"));
        assertThat(badVatId.status()).as(badVatId.toString()).isEqualTo(400);
        taxProfileOf(de, deLegalName, "Unter den Linden 5", "Berlin", "10117", "DE", "DE987654321");
        taxProfileOf(fr, frLegalName, "12 rue de la Paix", "Paris", "75002", "FR", "FR40303265045");
        payoutDetails(de, "DE Holder " + journeys.run, IBAN_DE);
        payoutDetails(fr, "FR Holder " + journeys.run, IBAN_FR);
        payoutDetails(untaxed, "NL Holder " + journeys.run, IBAN_NL);

        Api.Response tomorrow = api.post("/api/payouts", financeA, Map.of("asOf", today.plusDays(1).toString()));
        assertThat(tomorrow.status()).as("asOf may not be after today").isEqualTo(400);
        Api.Response createdBatch = api.post("/api/payouts", financeA, Map.of("asOf", today.toString()));
        assertThat(createdBatch.status()).as(createdBatch.toString()).isEqualTo(201);
        JsonNode batch = createdBatch.json();
        String batchId = batch.path("batchId").asText();
        assertThat(batch.path("status").asText()).isEqualTo("OPEN");
        assertThat(linesOf(batch.path("lines"), de, fr, untaxed)).containsExactlyInAnyOrder(
                de.id() + " 400.00 EUR", de.id() + " 100000 JPY", fr.id() + " 375.00 EUR");
        List<JsonNode> skipped = StreamSupport.stream(batch.path("skipped").spliterator(), false)
                .filter(s -> s.path("partnerId").asText().equals(untaxed.id())).toList();
        assertThat(skipped).as(batch.path("skipped").toString()).hasSize(1);
        assertThat(skipped.get(0).path("reason").asText()).isEqualTo("no-tax-profile");
        assertThat(skipped.get(0).path("currency").asText()).isEqualTo("EUR");
        assertThat(value(skipped.get(0).path("amount"))).isEqualTo("200.00");

        // 8. the batch's bank files, before it is paid: SEPA for EUR, a plain pain.001 for JPY
        assertEuroPain001(batchId, Map.of(IBAN_DE, "400.00", IBAN_FR, "375.00"));
        assertYenPain001(batchId);

        Api.Response confirmedByCreator = api.post("/api/payouts/" + batchId + "/confirm", financeA, null);
        assertThat(confirmedByCreator.status()).as(confirmedByCreator.toString()).isEqualTo(403);
        assertThat(confirmedByCreator.problemSlug()).isEqualTo("four-eyes");
        assertThat(api.get("/api/payouts/" + batchId, financeA).json().path("status").asText()).isEqualTo("OPEN");
        Api.Response confirmed = api.post("/api/payouts/" + batchId + "/confirm", financeB, null);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asText()).isEqualTo("PAID");

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode euro = currency(api.get("/api/commissions/summary?partnerId=" + fr.id(), fr.token()).json(),
                    "EUR");
            assertThat(value(euro.path("accrued"))).as("adjustments count as accrued").isEqualTo("375.00");
            assertThat(value(euro.path("paid"))).isEqualTo("375.00");
            assertThat(value(euro.path("balance"))).isEqualTo("0.00");
        });
        JsonNode untaxedEuro = currency(api.get("/api/commissions/summary?partnerId=" + untaxed.id(),
                untaxed.token()).json(), "EUR");
        assertThat(value(untaxedEuro.path("balance"))).as("a skipped line stays owed").isEqualTo("200.00");

        // 6. self-billing invoices, one per paid line, read back from their PDFs
        JsonNode frInvoice = awaitInvoices(fr, 1).get(0);
        assertInvoice(frInvoice, fr, batchId, "EUR", "375.00", "0.00", "375.00");
        List<JsonNode> deInvoices = awaitInvoices(de, 2);
        JsonNode deEuroInvoice = deInvoices.stream().filter(i -> i.path("currency").asText().equals("EUR"))
                .findFirst().orElseThrow();
        JsonNode deYenInvoice = deInvoices.stream().filter(i -> i.path("currency").asText().equals("JPY"))
                .findFirst().orElseThrow();
        assertInvoice(deEuroInvoice, de, batchId, "EUR", "400.00", "76.00", "476.00");
        assertInvoice(deYenInvoice, de, batchId, "JPY", "100000", "19000", "119000");
        assertThat(invoices(untaxed)).as("no invoice for a skipped line").isEmpty();

        String frNumber = frInvoice.path("invoiceNumber").asText();
        String frText = pdfText("/api/invoices/" + frNumber + ".pdf", fr.token());
        assertThat(frText).contains("Self-billing invoice").contains(frNumber).contains(frLegalName)
                .contains("FR40303265045").contains("Reverse charge").contains("375.00 EUR");
        String deNumber = deEuroInvoice.path("invoiceNumber").asText();
        String deText = pdfText("/api/invoices/" + deNumber + ".pdf", de.token());
        assertThat(deText).contains("Self-billing invoice").contains(deNumber).contains(deLegalName)
                .contains("DE987654321").contains("VAT 19%").contains("76.00 EUR").contains("476.00 EUR")
                .contains("Berliner Werkstatt") // every line names its client (COMMISSIONS.md)
                .doesNotContain("Reverse charge");
        assertThat(pdfText("/api/invoices/" + deYenInvoice.path("invoiceNumber").asText() + ".pdf", de.token()))
                .contains("19000 JPY").contains("119000 JPY");
        assertThat(download("/api/invoices/" + deNumber + ".pdf", fr.token()).statusCode())
                .as("another partner's invoice is not found").isEqualTo(404);
        assertThat(api.get("/api/invoices?partnerId=" + de.id(), fr.token()).status()).isEqualTo(404);

        // 7. the journal: every entry's debits equal its credits, each entry of these partners is in it
        assertJournalBalances(List.of(de, fr, untaxed));
    }

    /** A referral of the partner contracted 25 days ago, with one payment received 20 days ago. */
    private String deal(Journeys.Partner partner, String company, String contractValue, String currency,
                        String paid, String kind) {
        String referral = journeys.submit(partner, company);
        journeys.act(referral, "qualify", null);
        journeys.act(referral, "contract", Map.of("contractValue", money(contractValue, currency),
                "signedAt", today.minusDays(25) + "T09:00:00Z"));
        journeys.act(referral, "payments", payment("pay-" + referral, paid, currency, kind,
                today.minusDays(20) + "T10:00:00Z"));
        return referral;
    }

    private void awaitAmounts(Journeys.Partner partner, String... amounts) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(ofType(entries(partner), "ACCRUAL").stream().map(MonthEndJourneyIT::amount))
                        .containsExactlyInAnyOrder(amounts));
    }

    private Map<String, Object> taxProfile(String legalName, String line1, String city, String postalCode,
                                           String country, String vatId) {
        return Map.of("legalName", legalName, "address", Map.of("line1", line1, "city", city,
                        "postalCode", postalCode, "country", country),
                "vatId", vatId, "vatRegistered", true, "selfBillingAccepted", true);
    }

    /** The partner enters its own tax profile and accepts self-billing. */
    private void taxProfileOf(Journeys.Partner partner, String legalName, String line1, String city,
                              String postalCode, String country, String vatId) {
        Api.Response saved = api.put("/api/tax-profiles/" + partner.id(), partner.token(),
                taxProfile(legalName, line1, city, postalCode, country, vatId));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().path("selfBillingAccepted").asBoolean()).isTrue();
        assertThat(saved.json().path("selfBillingAcceptedBy").asText()).isNotBlank();
        assertThat(saved.json().path("selfBillingAcceptedAt").asText()).isNotBlank();
        assertThat(api.get("/api/tax-profiles/" + partner.id(), journeys.finance).json().path("legalName").asText())
                .isEqualTo(legalName);
    }

    private void payoutDetails(Journeys.Partner partner, String holder, String iban) {
        Api.Response saved = api.put("/api/payout-details/" + partner.id(), partner.token(),
                Map.of("accountHolder", holder, "iban", iban));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    }

    private List<JsonNode> entries(Journeys.Partner partner) {
        Api.Response response = api.get("/api/commissions?size=200", partner.token());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        response.json().path("items").forEach(entries::add);
        return entries;
    }

    private JsonNode entry(Journeys.Partner partner, String entryId) {
        return entries(partner).stream().filter(e -> e.path("entryId").asText().equals(entryId)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + entryId));
    }

    private static List<JsonNode> ofType(List<JsonNode> entries, String type) {
        return entries.stream().filter(e -> e.path("type").asText().equals(type)).toList();
    }

    private List<JsonNode> notifications(Journeys.Partner partner) {
        List<JsonNode> items = new ArrayList<>();
        api.get("/api/notifications?size=100", partner.token()).json().path("items").forEach(items::add);
        return items;
    }

    private static List<String> linesOf(JsonNode lines, Journeys.Partner... partners) {
        Set<String> ids = java.util.Arrays.stream(partners).map(Journeys.Partner::id).collect(Collectors.toSet());
        List<String> ours = new ArrayList<>();
        lines.forEach(line -> {
            if (ids.contains(line.path("partnerId").asText())) {
                ours.add(line.path("partnerId").asText() + " " + value(line.path("amount")) + " "
                        + line.path("currency").asText());
            }
        });
        return ours;
    }

    private List<JsonNode> invoices(Journeys.Partner partner) {
        Api.Response listed = api.get("/api/invoices?partnerId=" + partner.id(), partner.token());
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        listed.json().path("items").forEach(items::add);
        return items;
    }

    private List<JsonNode> awaitInvoices(Journeys.Partner partner, int count) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> invoices(partner), found -> found.size() >= count);
    }

    private void assertInvoice(JsonNode invoice, Journeys.Partner partner, String batchId, String currency,
                               String net, String vat, String total) {
        assertThat(invoice.path("invoiceNumber").asText()).matches("SB-" + today.getYear() + "-\\d{6}");
        assertThat(invoice.path("partnerId").asText()).isEqualTo(partner.id());
        assertThat(invoice.path("batchId").asText()).isEqualTo(batchId);
        assertThat(invoice.path("currency").asText()).isEqualTo(currency);
        assertThat(value(invoice.path("net"))).isEqualTo(net);
        assertThat(value(invoice.path("vat"))).isEqualTo(vat);
        assertThat(value(invoice.path("total"))).isEqualTo(total);
        assertThat(invoice.path("issuedAt").asText()).isNotBlank();
    }

    private HttpResponse<byte[]> download(String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(journeys.stack.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/pdf, application/problem+json").GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The PDF's text as PDFBox reads it (an independent reader), whitespace runs made single spaces. */
    private String pdfText(String path, String token) throws IOException {
        HttpResponse<byte[]> response = download(path, token);
        assertThat(response.statusCode()).as(path + " " + new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private Document xml(Api.Response file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document xml = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(file.text().getBytes(StandardCharsets.UTF_8)));
        assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo(PAIN_001);
        assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("Document");
        return xml;
    }

    /** IBAN → amount of each transfer, after checking the currency of every amount and the group header's sums. */
    private static Map<String, String> transfers(Document xml, String currency) {
        NodeList transfers = xml.getElementsByTagNameNS(PAIN_001, "CdtTrfTxInf");
        Map<String, String> byIban = new HashMap<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < transfers.getLength(); i++) {
            Element transfer = (Element) transfers.item(i);
            Element amount = (Element) transfer.getElementsByTagNameNS(PAIN_001, "InstdAmt").item(0);
            assertThat(amount.getAttribute("Ccy")).isEqualTo(currency);
            String iban = ((Element) transfer.getElementsByTagNameNS(PAIN_001, "CdtrAcct").item(0))
                    .getElementsByTagNameNS(PAIN_001, "IBAN").item(0).getTextContent();
            assertThat(byIban.put(iban, amount.getTextContent())).as("one transfer an account").isNull();
            sum = sum.add(new BigDecimal(amount.getTextContent()));
        }
        Element header = (Element) xml.getElementsByTagNameNS(PAIN_001, "GrpHdr").item(0);
        assertThat(Integer.parseInt(header.getElementsByTagNameNS(PAIN_001, "NbOfTxs").item(0).getTextContent()))
                .isEqualTo(transfers.getLength());
        assertThat(new BigDecimal(header.getElementsByTagNameNS(PAIN_001, "CtrlSum").item(0).getTextContent()))
                .isEqualByComparingTo(sum);
        return byIban;
    }

    private void assertEuroPain001(String batchId, Map<String, String> amountByIban) throws Exception {
        Api.Response file = api.get("/api/payouts/" + batchId + "/pain001.xml", journeys.finance);
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(epcSchema().toFile())
                .newValidator().validate(new StreamSource(new StringReader(file.text())));
        Map<String, String> transfers = transfers(xml(file), "EUR");
        assertThat(transfers).containsAllEntriesOf(amountByIban).doesNotContainKey(IBAN_NL);
        assertThat(file.text()).contains("DE Holder " + journeys.run).contains("FR Holder " + journeys.run);
    }

    /** Not SEPA (the EPC schema is EUR only): well-formed pain.001.001.09 with whole-yen amounts. */
    private void assertYenPain001(String batchId) throws Exception {
        Api.Response file = api.get("/api/payouts/" + batchId + "/pain001.xml?currency=JPY", journeys.finance);
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        assertThat(file.contentType()).contains("xml");
        Map<String, String> transfers = transfers(xml(file), "JPY");
        assertThat(transfers).containsEntry(IBAN_DE, "100000").doesNotContainKey(IBAN_FR);
        assertThat(transfers.values()).allSatisfy(amount -> assertThat(amount).matches("\\d+"));
        assertThat(file.text()).contains("DE Holder " + journeys.run).doesNotContain(">SEPA<");
    }

    private static Path epcSchema() {
        Path root = Path.of(System.getProperty("rapport.project.root", ".."));
        Path shared = root.resolve("../shared/schemas/pain.001.001.09-epc-sct-2023.xsd");
        return Files.exists(shared) ? shared : Path.of("/work/shared/schemas/pain.001.001.09-epc-sct-2023.xsd");
    }

    private void assertJournalBalances(List<Journeys.Partner> partners) {
        Api.Response journal = api.get("/api/exports/journal.csv?from=" + today.minusDays(30) + "&to=" + today,
                journeys.finance);
        assertThat(journal.status()).as(journal.toString()).isEqualTo(200);
        assertThat(journal.contentType()).startsWith("text/csv");
        List<List<String>> rows = csv(journal.text());
        List<String> header = rows.get(0);
        assertThat(header).containsExactly("date", "entryId", "account", "debit", "credit", "currency", "partnerId",
                "referralId", "text");
        Map<String, BigDecimal> balanceByEntryAndCurrency = new TreeMap<>();
        Map<String, List<Map<String, String>>> linesByEntry = new HashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row).as(row.toString()).hasSize(header.size());
            Map<String, String> line = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                line.put(header.get(i), row.get(i));
            }
            BigDecimal debit = decimal(line.get("debit"));
            BigDecimal credit = decimal(line.get("credit"));
            assertThat(debit.signum() >= 0 && credit.signum() >= 0).as("amounts on a side are positive: " + row)
                    .isTrue();
            balanceByEntryAndCurrency.merge(line.get("entryId") + " " + line.get("currency"), debit.subtract(credit),
                    BigDecimal::add);
            linesByEntry.computeIfAbsent(line.get("entryId"), id -> new ArrayList<>()).add(line);
        }
        assertThat(balanceByEntryAndCurrency).isNotEmpty();
        balanceByEntryAndCurrency.forEach((entry, balance) ->
                assertThat(balance).as("debits minus credits of " + entry).isEqualByComparingTo(BigDecimal.ZERO));

        Map<String, String> debitAccountOfType = new HashMap<>();
        Map<String, String> creditAccountOfType = new HashMap<>();
        for (Journeys.Partner partner : partners) {
            for (JsonNode entry : entries(partner)) {
                List<Map<String, String>> lines = linesByEntry.get(entry.path("entryId").asText());
                assertThat(lines).as("journal lines of " + entry).isNotNull().hasSize(2);
                assertThat(lines).allSatisfy(line -> {
                    assertThat(line.get("partnerId")).isEqualTo(partner.id());
                    assertThat(line.get("currency")).isEqualTo(entry.path("amount").path("currency").asText());
                });
                String type = entry.path("type").asText();
                BigDecimal amount = new BigDecimal(value(entry.path("amount"))).abs();
                Map<String, String> debit = lines.stream().filter(l -> decimal(l.get("debit")).signum() > 0)
                        .findFirst().orElseThrow();
                Map<String, String> credit = lines.stream().filter(l -> decimal(l.get("credit")).signum() > 0)
                        .findFirst().orElseThrow();
                assertThat(decimal(debit.get("debit"))).isEqualByComparingTo(amount);
                assertThat(decimal(credit.get("credit"))).isEqualByComparingTo(amount);
                assertThat(debitAccountOfType.merge(type, debit.get("account"), (a, b) -> a))
                        .as("one debit account for " + type).isEqualTo(debit.get("account"));
                assertThat(creditAccountOfType.merge(type, credit.get("account"), (a, b) -> a))
                        .as("one credit account for " + type).isEqualTo(credit.get("account"));
            }
        }
        // a positive adjustment posts like an accrual (expense to payable); a payout clears payable against the bank
        assertThat(debitAccountOfType.get("ADJUSTMENT")).isEqualTo(debitAccountOfType.get("ACCRUAL"));
        assertThat(creditAccountOfType.get("ADJUSTMENT")).isEqualTo(creditAccountOfType.get("ACCRUAL"));
        assertThat(debitAccountOfType.get("PAYOUT")).isEqualTo(creditAccountOfType.get("ACCRUAL"));
        assertThat(creditAccountOfType.get("PAYOUT")).isNotEqualTo(debitAccountOfType.get("ACCRUAL")).isNotNull();
    }

    private static BigDecimal decimal(String text) {
        return text == null || text.isBlank() ? BigDecimal.ZERO : new BigDecimal(text);
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    private static String amount(JsonNode entry) {
        return value(entry.path("amount")) + " " + entry.path("amount").path("currency").asText();
    }

    private static String value(JsonNode money) {
        return money.isObject() ? money.path("amount").asText() : money.asText();
    }

    private static JsonNode currency(JsonNode withCurrencies, String code) {
        for (JsonNode line : withCurrencies.path("currencies")) {
            if (line.path("currency").asText().equals(code)) {
                return line;
            }
        }
        throw new AssertionError("no " + code + " in " + withCurrencies);
    }
}
