package com.rapport.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static com.rapport.localstack.Journeys.contract;
import static com.rapport.localstack.Journeys.money;
import static com.rapport.localstack.Journeys.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11's journey through the gateway (API.md "Deals as they really go", COMMISSIONS.md "Amendments",
 * "Co-introducers", "Per-deal terms", "Follow-ons", "Forecast"): a contract paid by a schedule and its forecast, a
 * change order, a follow-on that counts as the partner's next contract, a credit split between two partners with
 * parents of their own, and a finder's fee. Each deal has partners of its own, so its ledger is its own.
 */
class DealsJourneyIT {

    private static final Duration ASYNC = Duration.ofSeconds(60);

    private final Journeys journeys = new Journeys();
    private final Api api = journeys.api;

    @Nested
    class AContractWithASchedule {

        @Test
        void isForecastInTheMonthsItsInstalmentsBecomePayableAndAPaymentMovesItsShareToPayable() {
            Journeys.Partner partner = journeys.partner("schedule");
            String referral = journeys.submit(partner, "Scheduled Ltd " + journeys.run);
            journeys.act(referral, "qualify", null);

            // due on the 5th of three coming months: payable 14 days later, on the 19th of the same months
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            YearMonth first = YearMonth.from(today).plusMonths(2);
            List<YearMonth> due = List.of(first, first.plusMonths(1), first.plusMonths(2));
            List<Map<String, Object>> schedule = new ArrayList<>();
            for (int i = 0; i < due.size(); i++) {
                schedule.add(Map.of("name", "Instalment " + (i + 1), "dueDate", due.get(i).atDay(5).toString(),
                        "amount", money("3000.00", "EUR")));
            }
            Instant signedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
            Api.Response signed = api.post("/api/referrals/" + referral + "/contract", journeys.ops,
                    Map.of("contractValue", money("9000.00", "EUR"), "signedAt", signedAt.toString(),
                            "schedule", schedule));
            assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
            assertThat(signed.json().path("schedule").size()).isEqualTo(3);
            assertThat(signed.json().at("/schedule/0/amount/amount").asText()).isEqualTo("3000.00");

            // 10 % of each 3,000.00 instalment, in the month it would become payable; nothing written yet
            await().atMost(ASYNC).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                Map<YearMonth, JsonNode> forecast = forecast(partner);
                for (YearMonth month : due) {
                    assertThat(amount(forecast, month, "fromSchedule")).as(month + " " + forecast)
                            .isEqualByComparingTo("300.00");
                }
                assertThat(total(forecast, "fromSchedule")).isEqualByComparingTo("900.00");
                assertThat(total(forecast, "payable")).isEqualByComparingTo("0.00");
            });

            Instant receivedAt = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
            journeys.act(referral, "payments", payment("sched-1", "3000.00", "EUR", "DEPOSIT",
                    receivedAt.toString()));

            // the first instalment is paid: its commission is written, payable 14 days after the payment
            YearMonth payableMonth = YearMonth.from(receivedAt.atZone(ZoneOffset.UTC).toLocalDate().plusDays(14));
            await().atMost(ASYNC).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                Map<YearMonth, JsonNode> forecast = forecast(partner);
                assertThat(amount(forecast, payableMonth, "payable")).as(forecast.toString())
                        .isEqualByComparingTo("300.00");
                assertThat(total(forecast, "payable")).isEqualByComparingTo("300.00");
                assertThat(amount(forecast, due.get(0), "fromSchedule")).isEqualByComparingTo("0.00");
                assertThat(amount(forecast, due.get(1), "fromSchedule")).isEqualByComparingTo("300.00");
                assertThat(amount(forecast, due.get(2), "fromSchedule")).isEqualByComparingTo("300.00");
                assertThat(total(forecast, "fromSchedule")).isEqualByComparingTo("600.00");
            });
            List<JsonNode> entries = entries(partner, referral);
            assertThat(entries).hasSize(1);
            assertThat(entries.get(0).path("payableAt").asText())
                    .isEqualTo(receivedAt.atZone(ZoneOffset.UTC).toLocalDate().plusDays(14).toString());

            // another partner's forecast is not this partner's to read
            Journeys.Partner other = journeys.partner("schedule-other");
            assertThat(api.get("/api/forecast?partnerId=" + partner.id(), other.token()).status()).isEqualTo(404);
        }
    }

    @Nested
    class AnAmendedContract {

        @Test
        void letsTheClientPayMoreThanTheOriginalValueAndTellsThePartner() {
            Journeys.Partner partner = journeys.partner("amended");
            String company = "Amended Ltd " + journeys.run;
            String referral = journeys.submit(partner, company);
            journeys.act(referral, "qualify", null);
            journeys.act(referral, "contract", contract("10000.00", "EUR"));
            journeys.act(referral, "payments", payment("amd-1", "4000.00", "EUR", "DEPOSIT",
                    "2026-11-05T10:00:00Z"));

            Map<String, Object> finalPayment = payment("amd-2", "8000.00", "EUR", "FINAL", "2026-11-20T10:00:00Z");
            Api.Response tooMuch = api.post("/api/referrals/" + referral + "/payments", journeys.ops, finalPayment);
            assertThat(tooMuch.status()).as("12,000.00 paid on a 10,000.00 contract: " + tooMuch).isEqualTo(409);

            Map<String, Object> amendment = Map.of("amendmentId", "co-1", "delta", money("2000.00", "EUR"),
                    "reason", "second shop added", "signedAt", "2026-11-15T09:00:00Z");
            Api.Response amended = api.post("/api/referrals/" + referral + "/amendments", journeys.ops, amendment);
            assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
            assertThat(amended.json().at("/contractValue/amount").asText()).isEqualTo("12000.00");
            assertThat(amended.json().path("amendments").size()).isEqualTo(1);
            assertThat(amended.json().at("/amendments/0/delta/amount").asText()).isEqualTo("2000.00");
            Api.Response again = api.post("/api/referrals/" + referral + "/amendments", journeys.ops, amendment);
            assertThat(again.status()).as(again.toString()).isEqualTo(200);
            assertThat(again.json().path("amendments").size()).as("the same amendment again").isEqualTo(1);
            assertThat(again.json().at("/contractValue/amount").asText()).isEqualTo("12000.00");

            Api.Response paid = api.post("/api/referrals/" + referral + "/payments", journeys.ops, finalPayment);
            assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
            assertThat(paid.json().at("/cashReceived/amount").asText()).isEqualTo("12000.00");

            // the contract cannot shrink below what the client paid
            Api.Response belowCash = api.post("/api/referrals/" + referral + "/amendments", journeys.ops,
                    Map.of("amendmentId", "co-2", "delta", money("-500.00", "EUR"), "reason", "scope cut",
                            "signedAt", "2026-11-21T09:00:00Z"));
            assertThat(belowCash.status()).as(belowCash.toString()).isEqualTo(409);
            assertThat(belowCash.problemSlug()).isEqualTo("amendment-below-cash");

            // commission follows the cash: 10 % of 4,000.00, then up to 10 % of 12,000.00
            await().atMost(ASYNC).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(amounts(entries(partner, referral))).containsExactly("400.00", "800.00"));

            // the partner is told by email what the contract grew by and what it is worth now
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(amendmentMail(partner, company)).isNotEmpty());
            MimeMessage mail = amendmentMail(partner, company).get(0);
            assertThat(subject(mail)).contains(company);
            assertThat(MailView.textOf(mail)).contains("€2,000.00").contains("€12,000.00")
                    .contains("second shop added");
            JsonNode timeline = api.get("/api/referrals/" + referral, partner.token()).json().path("timeline");
            assertThat(types(timeline)).contains("contract-amended");
        }

        private List<MimeMessage> amendmentMail(Journeys.Partner partner, String company) {
            return journeys.mailTo(partner.email()).stream()
                    .filter(mail -> subject(mail).startsWith("Contract amended") && subject(mail).contains(company))
                    .toList();
        }
    }

    @Nested
    class AFollowOn {

        @Test
        void isQualifiedForTheSamePartnerAndEarnsItsNextTierWhileTheClientStaysTaken() {
            Journeys.Partner partner = journeys.partner("follow");
            String company = "Follow Ltd " + journeys.run;
            String first = journeys.submit(partner, company);
            journeys.act(first, "qualify", null);
            journeys.act(first, "contract", contract("5000.00", "EUR"));
            journeys.act(first, "payments", payment("fo-1", "5000.00", "EUR", "FINAL", "2026-11-05T10:00:00Z"));
            journeys.act(first, "deliver", null);
            assertThat(journeys.act(first, "complete", null).path("status").asText()).isEqualTo("COMPLETED");
            String second = journeys.submit(partner, "Other Client Ltd " + journeys.run);
            journeys.act(second, "qualify", null);
            journeys.act(second, "contract", contract("5000.00", "EUR"));

            Api.Response opened = api.post("/api/referrals/" + first + "/follow-ons", journeys.ops,
                    Map.of("description", "Phase two: loyalty programme",
                            "estimatedValue", money("20000.00", "EUR")));
            assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
            JsonNode followOn = opened.json();
            String followOnId = followOn.path("referralId").asText();
            assertThat(followOnId).isNotBlank().isNotEqualTo(first);
            assertThat(followOn.path("status").asText()).isEqualTo("QUALIFIED");
            assertThat(followOn.path("followOnOf").asText()).isEqualTo(first);
            assertThat(followOn.path("partnerId").asText()).isEqualTo(partner.id());
            assertThat(followOn.at("/client/company").asText()).isEqualTo(company);
            JsonNode seen = api.get("/api/referrals/" + followOnId, partner.token()).json();
            assertThat(seen.path("followOnOf").asText()).isEqualTo(first);

            // a plain new referral of that client, within 180 days of the first, is still a duplicate
            Api.Response again = api.post("/api/referrals", partner.token(),
                    Journeys.referralBody(company, "contact-" + UUID.randomUUID() + "@client.example"));
            assertThat(again.status()).as(again.toString()).isEqualTo(409);
            assertThat(again.problemSlug()).isEqualTo("duplicate-referral");

            // its contract is the partner's third: tier 2, 12 %
            JsonNode contracted = journeys.act(followOnId, "contract", contract("10000.00", "EUR"));
            assertThat(contracted.path("contractNumber").asInt()).isEqualTo(3);
            journeys.act(followOnId, "payments", payment("fo-2", "2500.00", "EUR", "DEPOSIT",
                    "2026-11-10T10:00:00Z"));
            await().atMost(ASYNC).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(entries(partner, followOnId)).hasSize(1));
            JsonNode entry = entries(partner, followOnId).get(0);
            assertThat(entry.path("role").asText()).isEqualTo("INTRODUCER");
            assertThat(new BigDecimal(entry.path("rate").asText())).isEqualByComparingTo("0.12");
            assertThat(entry.at("/amount/amount").asText()).isEqualTo("300.00");
            JsonNode earlier = entries(partner, first).get(0);
            assertThat(new BigDecimal(earlier.path("rate").asText())).isEqualByComparingTo("0.10");

            List<ConsumerRecord<String, byte[]>> records = journeys.records("referral-events", followOnId::equals, 1);
            JsonNode event = Journeys.json(records.get(0).value());
            assertThat(event.path("type").asText()).isEqualTo("rapport.referral.follow-on-opened.v1");
            assertThat(event.at("/data/followOnOf").asText()).isEqualTo(first);
        }
    }

    @Nested
    class ASplitCredit {

        @Test
        void paysEachCoIntroducerAndEachParentOnItsOwnShare() {
            Journeys.Partner parentA = journeys.partner("split-parent-a");
            Journeys.Partner parentB = journeys.partner("split-parent-b");
            Journeys.Partner a = journeys.partner("split-a", "en", parentA.id());
            Journeys.Partner b = journeys.partner("split-b", "en", parentB.id());
            Journeys.Partner stranger = journeys.partner("split-stranger");
            String referral = journeys.submit(a, "Split Ltd " + journeys.run);
            journeys.act(referral, "qualify", null);

            JsonNode split = journeys.act(referral, "split", Map.of("shares", List.of(
                    Map.of("partnerId", a.id(), "share", "0.60"), Map.of("partnerId", b.id(), "share", "0.40"))));
            Map<String, BigDecimal> shares = new HashMap<>();
            split.path("shares").forEach(s -> shares.put(s.path("partnerId").asText(),
                    new BigDecimal(s.path("share").asText())));
            assertThat(shares).hasSize(2);
            assertThat(shares.get(a.id())).isEqualByComparingTo("0.60");
            assertThat(shares.get(b.id())).isEqualByComparingTo("0.40");

            journeys.act(referral, "contract", contract("10000.00", "EUR"));
            journeys.act(referral, "payments", payment("split-1", "3333.33", "EUR", "DEPOSIT",
                    "2026-11-05T10:00:00Z"));

            // round(0.10 × 0.60 × 3,333.33) = 200.00, round(0.10 × 0.40 × 3,333.33) = 133.33;
            // round(0.02 × 0.60 × 3,333.33) = 40.00, round(0.02 × 0.40 × 3,333.33) = 26.67
            awaitEntries(a, referral, "INTRODUCER", "200.00");
            awaitEntries(b, referral, "INTRODUCER", "133.33");
            awaitEntries(parentA, referral, "OVERRIDE", "40.00");
            awaitEntries(parentB, referral, "OVERRIDE", "26.67");

            // the rest paid: each role ends at exactly round(rate × share × 10,000.00)
            journeys.act(referral, "payments", payment("split-2", "6666.67", "EUR", "FINAL",
                    "2026-11-20T10:00:00Z"));
            awaitEntries(a, referral, "INTRODUCER", "200.00", "400.00");
            awaitEntries(b, referral, "INTRODUCER", "133.33", "266.67");
            awaitEntries(parentA, referral, "OVERRIDE", "40.00", "80.00");
            awaitEntries(parentB, referral, "OVERRIDE", "26.67", "53.33");
            assertThat(entries(a, referral).get(0).path("explanation").asText()).contains("60%");

            // both co-introducers see the referral as their own, split in its timeline; nobody else does
            for (Journeys.Partner coIntroducer : List.of(a, b)) {
                Api.Response seen = api.get("/api/referrals/" + referral, coIntroducer.token());
                assertThat(seen.status()).as(seen.toString()).isEqualTo(200);
                JsonNode splitEntry = StreamSupport.stream(seen.json().path("timeline").spliterator(), false)
                        .filter(e -> e.path("type").asText().equals("credit-split")).findFirst()
                        .orElseThrow(() -> new AssertionError("no split in " + seen));
                assertThat(splitEntry.path("summary").asText()).contains(a.id()).contains(b.id());
                JsonNode listed = api.get("/api/referrals?size=50", coIntroducer.token()).json().path("items");
                assertThat(StreamSupport.stream(listed.spliterator(), false)
                        .map(r -> r.path("referralId").asText())).contains(referral);
            }
            Api.Response hidden = api.get("/api/referrals/" + referral, stranger.token());
            assertThat(hidden.status()).as(hidden.toString()).isEqualTo(404);

            // the second co-introducer is told of the contract like the first
            await().atMost(ASYNC).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                JsonNode items = api.get("/api/notifications?size=100", b.token()).json().path("items");
                assertThat(StreamSupport.stream(items.spliterator(), false)
                        .filter(n -> n.path("referralId").asText().equals(referral))
                        .map(n -> n.path("eventType").asText()))
                        .contains("rapport.referral.contract-signed.v1");
            });

            List<ConsumerRecord<String, byte[]>> records = journeys.records("referral-events", referral::equals, 3);
            JsonNode splitEvent = Journeys.json(records.get(2).value());
            assertThat(splitEvent.path("type").asText()).isEqualTo("rapport.referral.credit-split.v1");
            assertThat(splitEvent.at("/data/shares").size()).isEqualTo(2);
        }

        private void awaitEntries(Journeys.Partner partner, String referral, String role, String... amounts) {
            await().atMost(ASYNC).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                List<JsonNode> entries = entries(partner, referral);
                assertThat(amounts(entries)).as(entries.toString()).containsExactly(amounts);
                assertThat(entries).allSatisfy(e -> {
                    assertThat(e.path("role").asText()).isEqualTo(role);
                    assertThat(e.path("partnerId").asText()).isEqualTo(partner.id());
                });
            });
        }
    }

    @Nested
    class AFindersFee {

        @Test
        void isEarnedInProportionAsTheClientPaysAndIsLockedByTheContract() {
            Journeys.Partner partner = journeys.partner("finder");
            String referral = journeys.submit(partner, "Finder Ltd " + journeys.run);
            journeys.act(referral, "qualify", null);

            Map<String, Object> terms = Map.of("flatFee", money("1000.00", "EUR"), "reason", "introduced the CFO");
            Api.Response agreed = api.put("/api/deal-terms/" + referral, journeys.finance, terms);
            assertThat(agreed.status()).as(agreed.toString()).isEqualTo(200);
            Api.Response read = api.get("/api/deal-terms/" + referral, journeys.ops);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json().at("/flatFee/amount").asText()).isEqualTo("1000.00");

            journeys.act(referral, "contract", contract("9000.00", "EUR"));
            // targets 333.33, 666.67, 1,000.00 of the fee: entries are their differences
            String[] expected = {"333.33", "333.34", "333.33"};
            for (int i = 0; i < expected.length; i++) {
                journeys.act(referral, "payments", payment("fee-" + (i + 1), "3000.00", "EUR",
                        i == 2 ? "FINAL" : "MILESTONE", "2026-11-%02dT10:00:00Z".formatted(5 + 5 * i)));
                List<String> sofar = List.of(expected).subList(0, i + 1);
                await().atMost(ASYNC).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                        assertThat(amounts(entries(partner, referral))).containsExactlyElementsOf(sofar));
            }
            List<JsonNode> entries = entries(partner, referral);
            assertThat(entries).allSatisfy(entry -> {
                assertThat(entry.path("type").asText()).isEqualTo("ACCRUAL");
                assertThat(entry.path("explanation").asText()).contains("finder's fee").contains("1,000.00 EUR");
            });
            assertThat(entries.stream().map(e -> new BigDecimal(e.at("/amount/amount").asText()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("1000.00");

            // the contract locked the terms (its commission is already written from them)
            Api.Response locked = api.put("/api/deal-terms/" + referral, journeys.finance, terms);
            assertThat(locked.status()).as(locked.toString()).isEqualTo(409);
            assertThat(locked.problemSlug()).isEqualTo("terms-locked");
            JsonNode kept = api.get("/api/deal-terms/" + referral, journeys.finance).json();
            assertThat(kept.path("locked").asBoolean()).isTrue();
            assertThat(kept.at("/flatFee/amount").asText()).isEqualTo("1000.00");
        }
    }

    /** The partner's ledger entries on one referral (payouts left out), in the order they were written. */
    private List<JsonNode> entries(Journeys.Partner partner, String referral) {
        Api.Response response = api.get("/api/commissions?referralId=" + referral + "&size=200", partner.token());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        response.json().path("items").forEach(entry -> {
            if (!entry.path("type").asText().equals("PAYOUT")) {
                entries.add(entry);
            }
        });
        entries.sort(Comparator.comparing((JsonNode e) -> Instant.parse(e.path("createdAt").asText()))
                .thenComparing(e -> e.path("occurredOn").asText()));
        return entries;
    }

    private static List<String> amounts(List<JsonNode> entries) {
        return entries.stream().map(e -> e.at("/amount/amount").asText()).toList();
    }

    private Map<YearMonth, JsonNode> forecast(Journeys.Partner partner) {
        Api.Response response = api.get("/api/forecast?partnerId=" + partner.id() + "&months=12", partner.token());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        Map<YearMonth, JsonNode> euro = new HashMap<>();
        response.json().path("months").forEach(month -> {
            if (month.path("currency").asText().equals("EUR")) {
                assertThat(euro.put(YearMonth.parse(month.path("month").asText()), month))
                        .as("one line a month and currency").isNull();
            }
        });
        return euro;
    }

    private static BigDecimal amount(Map<YearMonth, JsonNode> forecast, YearMonth month, String field) {
        JsonNode line = forecast.get(month);
        return line == null ? BigDecimal.ZERO : new BigDecimal(line.path(field).path("amount").asText("0"));
    }

    private static BigDecimal total(Map<YearMonth, JsonNode> forecast, String field) {
        return forecast.keySet().stream().map(month -> amount(forecast, month, field))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<String> types(JsonNode timeline) {
        return StreamSupport.stream(timeline.spliterator(), false).map(e -> e.path("type").asText()).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
