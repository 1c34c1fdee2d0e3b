package com.rapport.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.rapport.localstack.Journeys.contract;
import static com.rapport.localstack.Journeys.money;
import static com.rapport.localstack.Journeys.payment;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 3's journeys, through the gateway: every status to COMPLETED, and a deposit, a refund and a loss. */
class ReferralLifecycleIT {

    private final Journeys journeys = new Journeys();
    private final Api api = journeys.api;

    @Test
    void aReferralWalksThroughEveryStatusToCompleted() {
        Journeys.Partner partner = journeys.partner("won");
        String referral = journeys.submit(partner, "Won Ltd " + journeys.run);

        journeys.act(referral, "qualify", null);
        journeys.act(referral, "quote", Map.of("amount", money("12000.00", "EUR")));
        journeys.act(referral, "quote", Map.of("amount", money("10000.00", "EUR")));
        journeys.act(referral, "contract", contract("10000.00", "EUR"));
        journeys.act(referral, "milestones", Map.of("name", "Design approved", "note", "on time"));
        journeys.act(referral, "payments", payment("won-1", "3000.00", "EUR", "DEPOSIT", "2026-11-03T10:00:00Z"));
        journeys.act(referral, "payments", payment("won-2", "7000.00", "EUR", "FINAL", "2026-11-10T10:00:00Z"));
        journeys.act(referral, "deliver", null);
        JsonNode completed = journeys.act(referral, "complete", null);
        assertThat(completed.path("status").asText()).isEqualTo("COMPLETED");

        JsonNode view = api.get("/api/referrals/" + referral, partner.token()).json();
        assertThat(view.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(view.at("/contractValue/amount").asText()).isEqualTo("10000.00");
        assertThat(view.at("/cashReceived/amount").asText()).isEqualTo("10000.00");
        assertTimeline(view, 10);

        Api.Response afterEnd = api.post("/api/referrals/" + referral + "/lose", journeys.ops, Map.of("reason", "late"));
        assertThat(afterEnd.status()).isEqualTo(409);
        assertThat(afterEnd.problemSlug()).isEqualTo("illegal-transition");
        assertThat(afterEnd.json().path("detail").asText()).contains("COMPLETED");

        List<ConsumerRecord<String, byte[]>> records = journeys.records("referral-events", referral::equals, 10);
        assertThat(records).extracting(ConsumerRecord::key).containsOnly(referral);
        assertThat(Journeys.types(records)).containsExactly(
                "rapport.referral.submitted.v1", "rapport.referral.qualified.v1", "rapport.referral.quoted.v1",
                "rapport.referral.quoted.v1", "rapport.referral.contract-signed.v1",
                "rapport.referral.milestone-reached.v1", "rapport.referral.payment-received.v1",
                "rapport.referral.payment-received.v1", "rapport.referral.delivered.v1",
                "rapport.referral.completed.v1");
        assertThat(records.stream().map(r -> Journeys.json(r.value()).path("id").asText()).distinct()).hasSize(10);
    }

    @Test
    void aReferralIsLostAfterADepositAndARefundAndKeepsItsHistory() {
        Journeys.Partner partner = journeys.partner("lost");
        String referral = journeys.submit(partner, "Lost Ltd " + journeys.run);
        journeys.act(referral, "qualify", null);
        journeys.act(referral, "contract", contract("5000.00", "EUR"));
        journeys.act(referral, "payments", payment("lost-1", "1000.00", "EUR", "DEPOSIT", "2026-11-03T10:00:00Z"));

        // the same payment again changes nothing; the same id with other content is refused
        Api.Response repeated = api.post("/api/referrals/" + referral + "/payments", journeys.ops,
                payment("lost-1", "1000.00", "EUR", "DEPOSIT", "2026-11-03T10:00:00Z"));
        assertThat(repeated.status()).as(repeated.toString()).isEqualTo(200);
        Api.Response reused = api.post("/api/referrals/" + referral + "/payments", journeys.ops,
                payment("lost-1", "1500.00", "EUR", "DEPOSIT", "2026-11-03T10:00:00Z"));
        assertThat(reused.status()).as(reused.toString()).isEqualTo(409);

        Api.Response tooMuch = api.post("/api/referrals/" + referral + "/refunds", journeys.ops, Map.of(
                "refundId", "lost-r0", "amount", money("1000.01", "EUR"), "reason", "over", "issuedAt",
                "2026-11-05T10:00:00Z"));
        assertThat(tooMuch.status()).as(tooMuch.toString()).isEqualTo(409);
        journeys.act(referral, "refunds", Map.of("refundId", "lost-r1", "amount", money("400.00", "EUR"),
                "reason", "scope reduced", "issuedAt", "2026-11-05T10:00:00Z"));
        JsonNode lost = journeys.act(referral, "lose", Map.of("reason", "client went bankrupt"));
        assertThat(lost.path("status").asText()).isEqualTo("LOST");

        JsonNode view = api.get("/api/referrals/" + referral, partner.token()).json();
        assertThat(view.at("/cashReceived/amount").asText()).isEqualTo("1000.00");
        assertThat(view.at("/refunded/amount").asText()).isEqualTo("400.00");
        assertTimeline(view, 6);

        Api.Response afterLoss = api.post("/api/referrals/" + referral + "/deliver", journeys.ops, null);
        assertThat(afterLoss.status()).isEqualTo(409);
        assertThat(afterLoss.problemSlug()).isEqualTo("illegal-transition");

        List<ConsumerRecord<String, byte[]>> records = journeys.records("referral-events", referral::equals, 6);
        assertThat(Journeys.types(records)).containsExactly(
                "rapport.referral.submitted.v1", "rapport.referral.qualified.v1",
                "rapport.referral.contract-signed.v1", "rapport.referral.payment-received.v1",
                "rapport.referral.refund-issued.v1", "rapport.referral.lost.v1");
        JsonNode refund = Journeys.json(records.get(4).value()).path("data");
        assertThat(refund.at("/netCash/amount").asText()).isEqualTo("600.00");
        JsonNode loss = Journeys.json(records.get(5).value()).path("data");
        assertThat(loss.path("lostAtStatus").asText()).isEqualTo("CONTRACTED");
        assertThat(loss.path("reason").asText()).isEqualTo("client went bankrupt");
    }

    @Test
    void conflictsAreCaughtAutomatically() {
        Journeys.Partner first = journeys.partner("first");
        Journeys.Partner second = journeys.partner("second");
        String company = "Acme Conflicts " + journeys.run;
        journeys.submit(first, company);

        Api.Response sameCompany = api.post("/api/referrals", second.token(),
                Journeys.referralBody("  acme   CONFLICTS " + journeys.run.toUpperCase() + " ", "other@client.example"));
        assertThat(sameCompany.status()).as(sameCompany.toString()).isEqualTo(409);
        assertThat(sameCompany.problemSlug()).isEqualTo("duplicate-referral");

        Api.Response self = api.post("/api/referrals", second.token(),
                Journeys.referralBody("Own Company " + journeys.run, second.email().toUpperCase()));
        assertThat(self.status()).as(self.toString()).isEqualTo(409);
        assertThat(self.problemSlug()).isEqualTo("self-referral");
    }

    @Test
    void aReassignedReferralMovesItsCreditAndKeepsWhoHadIt() {
        Journeys.Partner from = journeys.partner("from");
        Journeys.Partner to = journeys.partner("to");
        String referral = journeys.submit(from, "Moved Ltd " + journeys.run);
        journeys.act(referral, "qualify", null);
        JsonNode moved = journeys.act(referral, "reassign", Map.of("partnerId", to.id(), "reason", "introduced by B"));
        assertThat(moved.path("partnerId").asText()).isEqualTo(to.id());

        JsonNode seenByNewPartner = api.get("/api/referrals/" + referral, to.token()).json();
        assertThat(seenByNewPartner.path("partnerId").asText()).isEqualTo(to.id());
        assertThat(seenByNewPartner.path("timeline").toString()).contains(from.id());

        List<ConsumerRecord<String, byte[]>> records = journeys.records("referral-events", referral::equals, 3);
        JsonNode reassigned = Journeys.json(records.get(2).value());
        assertThat(reassigned.path("type").asText()).isEqualTo("rapport.referral.reassigned.v1");
        assertThat(reassigned.at("/data/previousPartnerId").asText()).isEqualTo(from.id());
        assertThat(reassigned.at("/data/partnerId").asText()).isEqualTo(to.id());
    }

    @Test
    void theSameIdempotencyKeyReturnsTheOriginalAnswerAndCreatesNothingNew() {
        Journeys.Partner partner = journeys.partner("idem");
        Map<String, Object> body = Journeys.referralBody("Idempotent Ltd " + journeys.run, "idem@client.example");
        Map<String, String> key = Map.of("Idempotency-Key", "key-" + journeys.run);
        Api.Response first = api.send("POST", "/api/referrals", partner.token(), Api.write(body),
                "application/json", key);
        Api.Response again = api.send("POST", "/api/referrals", partner.token(), Api.write(body),
                "application/json", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("referralId").asText()).isEqualTo(first.json().path("referralId").asText());
        assertThat(api.get("/api/referrals", partner.token()).json().path("total").asInt()).isEqualTo(1);

        Api.Response otherBody = api.send("POST", "/api/referrals", partner.token(),
                Api.write(Journeys.referralBody("Other Ltd " + journeys.run, "other@client.example")),
                "application/json", key);
        assertThat(otherBody.status()).isIn(409, 422);
    }

    private static void assertTimeline(JsonNode view, int entries) {
        JsonNode timeline = view.path("timeline");
        assertThat(timeline.size()).as(timeline.toString()).isEqualTo(entries);
        List<Instant> at = new ArrayList<>();
        timeline.forEach(entry -> {
            assertThat(entry.path("type").asText()).isNotBlank();
            assertThat(entry.path("summary").asText()).isNotBlank();
            at.add(Instant.parse(entry.path("at").asText()));
        });
        assertThat(at).isSorted();
    }
}
