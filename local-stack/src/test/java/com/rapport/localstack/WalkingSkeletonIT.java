package com.rapport.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 2's journey: one referral travels through the whole stack, started as the README starts it, and is watched
 * only through the gateway over HTTP, plus a plain Kafka consumer and the SMTP server's inbox.
 */
class WalkingSkeletonIT {

    private final Journeys journeys = new Journeys();
    private final Api api = journeys.api;

    @Test
    void oneReferralTravelsFromSubmissionToCommissionAndNotifications() throws Exception {
        String run = journeys.run;
        String admin = api.login("admin", "admin-dev-password");
        String ops = api.login("ops", "ops-dev-password");

        String emailA = "partner-a-" + run + "@example.com";
        String partnerA = createdPartner(ops, "Partner A " + run, emailA);
        String partnerB = createdPartner(ops, "Partner B " + run, "partner-b-" + run + "@example.com");
        createLogin(admin, "a-" + run, partnerA);
        createLogin(admin, "b-" + run, partnerB);
        String tokenA = api.login("a-" + run, "a-password-" + run);
        String tokenB = api.login("b-" + run, "b-password-" + run);

        Api.Response submitted = api.post("/api/referrals", tokenA, Map.of(
                "client", Map.of("company", "Acme " + run, "contactName", "Li Wei",
                        "contactEmail", "li-" + run + "@acme.example"),
                "description", "Mini-program for a retail chain",
                "estimatedValue", Map.of("amount", "80000", "currency", "CNY")));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        assertThat(submitted.json().path("status").asText()).isEqualTo("SUBMITTED");
        String referral = submitted.json().path("referralId").asText();

        Api.Response early = api.post("/api/referrals/" + referral + "/payments", ops, payment("early", "100.00"));
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.contentType()).startsWith("application/problem+json");
        assertThat(early.problemSlug()).isEqualTo("illegal-transition");

        assertOk(api.post("/api/referrals/" + referral + "/qualify", ops, null));
        assertOk(api.post("/api/referrals/" + referral + "/contract", ops, Map.of(
                "contractValue", Map.of("amount", "10000.00", "currency", "EUR"),
                "signedAt", "2026-11-20T10:00:00Z")));
        for (String[] paid : new String[][]{{"p1", "3333.33"}, {"p2", "3333.33"}, {"p3", "3333.34"}}) {
            assertOk(api.post("/api/referrals/" + referral + "/payments", ops, payment(paid[0], paid[1])));
        }

        Api.Response seenByA = api.get("/api/referrals/" + referral, tokenA);
        assertThat(seenByA.status()).isEqualTo(200);
        assertThat(seenByA.json().path("status").asText()).isEqualTo("CONTRACTED");
        assertThat(seenByA.json().at("/cashReceived/amount").asText()).isEqualTo("10000.00");

        // commissions arrive through Kafka: wait for them, then check them to the cent
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(amounts(api.get("/api/commissions?referralId=" + referral, tokenA))).hasSize(3));
        assertThat(amounts(api.get("/api/commissions?referralId=" + referral, tokenA)))
                .containsExactlyInAnyOrder("333.33", "333.34", "333.33");
        JsonNode summary = api.get("/api/commissions/summary?partnerId=" + partnerA, tokenA).json();
        JsonNode eur = currency(summary, "EUR");
        assertThat(eur.at("/accrued").isObject() ? eur.at("/accrued/amount").asText() : eur.path("accrued").asText())
                .isEqualTo("1000.00");

        // B sees nothing of A's
        assertThat(api.get("/api/referrals/" + referral, tokenB).status()).isEqualTo(404);
        assertThat(api.get("/api/commissions", tokenB).json().path("items")).isEmpty();
        assertThat(api.get("/api/commissions?referralId=" + referral, tokenB).json().path("items")).isEmpty();

        // A was told by email, and can read the same notifications in the API
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(journeys.mailTo(emailA).stream().filter(mail -> mentions(mail, "Acme " + run)).count())
                        .as("emails to A about the referral").isGreaterThanOrEqualTo(6));
        JsonNode notifications = api.get("/api/notifications", tokenA).json().path("items");
        assertThat(notifications.size()).isGreaterThanOrEqualTo(6);
        assertThat(StreamSupport.stream(notifications.spliterator(), false)
                .allMatch(n -> n.path("partnerId").asText().equals(partnerA))).isTrue();
        assertThat(api.get("/api/notifications", tokenB).json().path("items")).isEmpty();

        // Kafka carried the referral's events as CloudEvents, keyed by the referral, in order
        List<ConsumerRecord<String, byte[]>> records = journeys.records("referral-events", referral::equals, 6);
        assertThat(records).extracting(ConsumerRecord::key).containsOnly(referral);
        List<String> types = records.stream().map(r -> Journeys.json(r.value()).path("type").asText()).toList();
        assertThat(types).containsExactly("rapport.referral.submitted.v1", "rapport.referral.qualified.v1",
                "rapport.referral.contract-signed.v1", "rapport.referral.payment-received.v1",
                "rapport.referral.payment-received.v1", "rapport.referral.payment-received.v1");
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode event = Journeys.json(record.value());
            assertThat(event.path("specversion").asText()).isEqualTo("1.0");
            assertThat(event.path("id").asText()).isNotBlank();
            assertThat(event.path("source").asText()).isNotBlank();
            assertThat(event.path("subject").asText()).isEqualTo(referral);
            assertThat(event.path("time").asText()).isNotBlank();
            assertThat(event.path("data").path("referralId").asText()).isEqualTo(referral);
        }
        assertThat(Journeys.json(records.get(2).value()).at("/data/contractNumber").asInt()).isEqualTo(1);
        assertThat(Journeys.json(records.get(5).value()).at("/data/netCash/amount").asText()).isEqualTo("10000.00");
    }

    private String createdPartner(String ops, String name, String email) {
        Api.Response created = api.post("/api/partners", ops, Map.of("name", name, "email", email, "language", "en"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("partnerId").asText();
    }

    private void createLogin(String admin, String username, String partnerId) {
        Api.Response created = api.post("/auth/users", admin, Map.of("username", username,
                "password", username.charAt(0) + "-password-" + username.substring(2),
                "roles", List.of("PARTNER"), "partnerId", partnerId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private static Map<String, Object> payment(String id, String amount) {
        return Map.of("paymentId", id, "amount", Map.of("amount", amount, "currency", "EUR"),
                "kind", "MILESTONE", "receivedAt", "2026-11-20T12:00:00Z");
    }

    private static void assertOk(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    }

    private static List<String> amounts(Api.Response entries) {
        assertThat(entries.status()).as(entries.toString()).isEqualTo(200);
        List<String> amounts = new ArrayList<>();
        entries.json().path("items").forEach(e -> amounts.add(e.at("/amount/amount").asText()));
        return amounts;
    }

    private static JsonNode currency(JsonNode summary, String code) {
        for (JsonNode line : summary.path("currencies")) {
            if (line.path("currency").asText().equals(code)) {
                return line;
            }
        }
        throw new AssertionError("no " + code + " in " + summary);
    }

    private static boolean mentions(MimeMessage mail, String text) {
        try {
            return MailView.text(mail).contains(text) || String.valueOf(mail.getSubject()).contains(text);
        } catch (Exception e) {
            return false;
        }
    }
}
