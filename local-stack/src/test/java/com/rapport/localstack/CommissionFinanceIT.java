package com.rapport.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.rapport.localstack.Journeys.contract;
import static com.rapport.localstack.Journeys.money;
import static com.rapport.localstack.Journeys.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 4's journey through the gateway: a partner and the partner who introduced it, contracts in EUR and JPY, a
 * payout, a refund after it (the balance goes negative and is netted by the next batch), batches before and after
 * the hold date, and the batch CSV and pain.001 file read field by field.
 *
 * <p>Its cash is dated January 2025 so that no other journey's entries (dated 2026) are payable in its batches.
 */
class CommissionFinanceIT {

    private static final String IBAN_CHILD = "DE89370400440532013000";
    private static final String IBAN_PARENT = "FR1420041010050500013M02606";

    private final Journeys journeys = new Journeys();
    private final Api api = journeys.api;

    @Test
    void commissionsArePaidOutExactlyAndExplainedToTheCent() throws Exception {
        Journeys.Partner parent = journeys.partner("parent");
        Journeys.Partner child = journeys.partner("child", "en", parent.id());
        payoutDetails(parent, "Parent Holder " + journeys.run, IBAN_PARENT);
        payoutDetails(child, "Child Holder " + journeys.run, IBAN_CHILD);

        String euroDeal = journeys.submit(child, "Euro Deal " + journeys.run);
        journeys.act(euroDeal, "qualify", null);
        journeys.act(euroDeal, "contract", Map.of("contractValue", money("10000.00", "EUR"),
                "signedAt", "2025-01-02T09:00:00Z"));
        String yenDeal = journeys.submit(child, "Yen Deal " + journeys.run);
        journeys.act(yenDeal, "qualify", null);
        journeys.act(yenDeal, "contract", Map.of("contractValue", money("1000005", "JPY"),
                "signedAt", "2025-01-03T09:00:00Z"));
        journeys.act(euroDeal, "payments", payment("eur-1", "4000.00", "EUR", "DEPOSIT", "2025-01-10T10:00:00Z"));
        journeys.act(yenDeal, "payments", payment("jpy-1", "1000005", "JPY", "FINAL", "2025-01-10T11:00:00Z"));

        // 10 % to the introducer, 2 % to its parent; half-even at each currency's minor unit
        awaitEntries(child, 2);
        awaitEntries(parent, 2);
        assertThat(amounts(child)).containsExactlyInAnyOrder("400.00 EUR", "100000 JPY");
        assertThat(amounts(parent)).containsExactlyInAnyOrder("80.00 EUR", "20000 JPY");
        JsonNode entry = entries(child).get(0);
        assertThat(entry.path("explanation").asText()).isNotBlank();
        assertThat(entry.path("sourceEventId").asText()).isNotBlank();

        // the day before the hold ends nothing of theirs is payable; on that day all of it is
        JsonNode early = createBatch("2025-01-23");
        assertThat(linesOf(early, child, parent)).isEmpty();
        cancelIfOpen(early);
        JsonNode batch = createBatch("2025-01-24");
        assertThat(linesOf(batch, child, parent)).containsExactlyInAnyOrder(
                child.id() + " 400.00 EUR", child.id() + " 100000 JPY",
                parent.id() + " 80.00 EUR", parent.id() + " 20000 JPY");
        String batchId = batch.path("batchId").asText();

        assertBatchCsv(batchId, "2025-01-24", child, parent);
        assertPain001(batchId, Map.of(IBAN_CHILD, "400.00", IBAN_PARENT, "80.00"));

        JsonNode paid = api.post("/api/payouts/" + batchId + "/confirm", journeys.secondFinance(), null).json();
        assertThat(paid.path("status").asText()).isEqualTo("PAID");

        // a refund after the payout: the introducer now owes 300.00, which the next batch nets
        journeys.act(euroDeal, "refunds", Map.of("refundId", "eur-r1", "amount", money("3000.00", "EUR"),
                "reason", "scope cut", "issuedAt", "2025-01-25T10:00:00Z"));
        awaitEntries(child, 4); // + PAYOUT and REVERSAL in EUR, PAYOUT in JPY
        JsonNode euro = currency(api.get("/api/commissions/summary?partnerId=" + child.id(), child.token()).json(),
                "EUR");
        assertThat(value(euro.path("balance"))).isEqualTo("-300.00");
        assertThat(value(euro.path("paid"))).isEqualTo("400.00");
        assertThat(value(euro.path("reversed"))).isEqualTo("300.00");

        journeys.act(euroDeal, "payments", payment("eur-2", "6000.00", "EUR", "FINAL", "2025-01-26T10:00:00Z"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(amounts(child)).contains("600.00 EUR"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(amounts(parent)).contains("120.00 EUR"));

        JsonNode beforeHold = createBatch("2025-02-08");
        assertThat(linesOf(beforeHold, child, parent)).as("a line that is not positive waits").isEmpty();
        cancelIfOpen(beforeHold);
        JsonNode netted = createBatch("2025-02-09");
        assertThat(linesOf(netted, child, parent)).containsExactlyInAnyOrder(
                child.id() + " 300.00 EUR", parent.id() + " 60.00 EUR");
        assertThat(api.post("/api/payouts/" + netted.path("batchId").asText() + "/confirm", journeys.secondFinance(),
                null)
                .json().path("status").asText()).isEqualTo("PAID");

        JsonNode settled = currency(api.get("/api/commissions/summary?partnerId=" + child.id(), child.token())
                .json(), "EUR");
        assertThat(value(settled.path("accrued"))).isEqualTo("1000.00");
        assertThat(value(settled.path("reversed"))).isEqualTo("300.00");
        assertThat(value(settled.path("paid"))).isEqualTo("700.00");
        assertThat(value(settled.path("balance"))).isEqualTo("0.00");

        // statements chain: January's closing balance is February's opening balance
        JsonNode january = currency(api.get("/api/statements/" + child.id() + "?from=2025-01-01&to=2025-01-31",
                child.token()).json(), "EUR");
        JsonNode february = currency(api.get("/api/statements/" + child.id() + "?from=2025-02-01&to=2025-02-28",
                child.token()).json(), "EUR");
        assertThat(value(february.path("openingBalance"))).isEqualTo(value(january.path("closingBalance")));

        Api.Response ledger = api.get("/api/exports/ledger.csv?from=2025-01-01&to=2025-02-28", journeys.finance);
        assertThat(ledger.status()).isEqualTo(200);
        assertThat(ledger.contentType()).startsWith("text/csv");
        assertThat(ledger.text().lines().findFirst().orElse("")).contains("entryId").contains("currency");
        assertThat(ledger.text()).contains(child.id()).contains(parent.id());
    }

    private void payoutDetails(Journeys.Partner partner, String holder, String iban) {
        Api.Response saved = api.put("/api/payout-details/" + partner.id(), partner.token(),
                Map.of("accountHolder", holder, "iban", iban));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        Api.Response invalid = api.put("/api/payout-details/" + partner.id(), partner.token(),
                Map.of("accountHolder", holder, "iban", "DE00123456789012345678"));
        assertThat(invalid.status()).isEqualTo(400);
        journeys.acceptsSelfBilling(partner, "FR");
    }

    private JsonNode createBatch(String asOf) {
        Api.Response created = api.post("/api/payouts", journeys.finance, Map.of("asOf", asOf));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("status").asText()).isEqualTo("OPEN");
        return created.json();
    }

    private void cancelIfOpen(JsonNode batch) {
        Api.Response cancelled = api.post("/api/payouts/" + batch.path("batchId").asText() + "/cancel",
                journeys.finance, null);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
    }

    private static List<String> linesOf(JsonNode batch, Journeys.Partner... partners) {
        List<String> ids = java.util.Arrays.stream(partners).map(Journeys.Partner::id).toList();
        List<String> lines = new ArrayList<>();
        batch.path("lines").forEach(line -> {
            if (ids.contains(line.path("partnerId").asText())) {
                lines.add(line.path("partnerId").asText() + " " + value(line.path("amount")) + " "
                        + currencyOf(line));
            }
        });
        return lines;
    }

    /** RFC 4180 CSV: a header row, then one line a partner and currency, each field checked for ours. */
    private void assertBatchCsv(String batchId, String asOf, Journeys.Partner child, Journeys.Partner parent) {
        Api.Response csv = api.get("/api/payouts/" + batchId + "/export.csv", journeys.finance);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> rows = csv.text().lines().toList();
        List<String> header = List.of(rows.get(0).split(","));
        assertThat(header).contains("batchId", "asOf", "partnerId", "currency", "amount", "accountHolder", "iban");
        Map<String, Map<String, String>> byPartnerAndCurrency = new HashMap<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] fields = row.split(",", -1);
            assertThat(fields).as(row).hasSize(header.size());
            Map<String, String> named = new HashMap<>();
            for (int i = 0; i < fields.length; i++) {
                named.put(header.get(i), fields[i]);
            }
            assertThat(named.get("batchId")).isEqualTo(batchId);
            assertThat(named.get("asOf")).isEqualTo(asOf);
            assertThat(byPartnerAndCurrency.put(named.get("partnerId") + " " + named.get("currency"), named))
                    .as("one line a partner and currency").isNull();
        }
        assertCsvLine(byPartnerAndCurrency.get(child.id() + " EUR"), "400.00", "Child Holder", IBAN_CHILD);
        assertCsvLine(byPartnerAndCurrency.get(child.id() + " JPY"), "100000", "Child Holder", IBAN_CHILD);
        assertCsvLine(byPartnerAndCurrency.get(parent.id() + " EUR"), "80.00", "Parent Holder", IBAN_PARENT);
        assertCsvLine(byPartnerAndCurrency.get(parent.id() + " JPY"), "20000", "Parent Holder", IBAN_PARENT);
    }

    private void assertCsvLine(Map<String, String> line, String amount, String holder, String iban) {
        assertThat(line).isNotNull();
        assertThat(line.get("amount")).isEqualTo(amount);
        assertThat(line.get("accountHolder")).isEqualTo(holder + " " + journeys.run);
        assertThat(line.get("iban")).isEqualTo(iban);
    }

    private void assertPain001(String batchId, Map<String, String> amountByIban) throws Exception {
        Api.Response file = api.get("/api/payouts/" + batchId + "/pain001.xml", journeys.finance);
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document xml = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(file.text().getBytes(StandardCharsets.UTF_8)));
        assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09");
        NodeList transfers = xml.getElementsByTagNameNS("*", "CdtTrfTxInf");
        Map<String, String> found = new HashMap<>();
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (int i = 0; i < transfers.getLength(); i++) {
            Element transfer = (Element) transfers.item(i);
            Element amount = (Element) transfer.getElementsByTagNameNS("*", "InstdAmt").item(0);
            assertThat(amount.getAttribute("Ccy")).isEqualTo("EUR");
            String iban = transfer.getElementsByTagNameNS("*", "IBAN").item(0).getTextContent();
            found.put(iban, amount.getTextContent());
            sum = sum.add(new java.math.BigDecimal(amount.getTextContent()));
        }
        assertThat(found).containsAllEntriesOf(amountByIban);
        String controlSum = xml.getElementsByTagNameNS("*", "GrpHdr").item(0) instanceof Element header
                ? header.getElementsByTagNameNS("*", "CtrlSum").item(0).getTextContent() : null;
        assertThat(new java.math.BigDecimal(controlSum)).isEqualByComparingTo(sum);
        String count = ((Element) xml.getElementsByTagNameNS("*", "GrpHdr").item(0))
                .getElementsByTagNameNS("*", "NbOfTxs").item(0).getTextContent();
        assertThat(Integer.parseInt(count)).isEqualTo(transfers.getLength());
        assertThat(file.text()).contains("Child Holder " + journeys.run).contains("Parent Holder " + journeys.run);
    }

    private void awaitEntries(Journeys.Partner partner, int atLeast) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(entries(partner).size()).isGreaterThanOrEqualTo(atLeast));
    }

    private List<JsonNode> entries(Journeys.Partner partner) {
        Api.Response response = api.get("/api/commissions?size=200", partner.token());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        response.json().path("items").forEach(entries::add);
        return entries;
    }

    private List<String> amounts(Journeys.Partner partner) {
        return entries(partner).stream().filter(e -> !e.path("type").asText().equals("PAYOUT"))
                .map(e -> value(e.path("amount")) + " " + currencyOf(e)).toList();
    }

    private static String value(JsonNode money) {
        return money.isObject() ? money.path("amount").asText() : money.asText();
    }

    private static String currencyOf(JsonNode withAmount) {
        JsonNode amount = withAmount.path("amount");
        return amount.isObject() ? amount.path("currency").asText() : withAmount.path("currency").asText();
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
