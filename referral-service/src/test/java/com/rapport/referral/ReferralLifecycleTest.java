package com.rapport.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.events.CloudEvent;
import com.rapport.referral.support.Api;
import com.rapport.events.Topics;
import com.rapport.testsupport.CloudEventTopics;
import com.rapport.referral.support.ReferralServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.rapport.referral.support.Api.assertProblem;
import static com.rapport.referral.support.Api.money;
import static org.assertj.core.api.Assertions.assertThat;

/** Every transition of API.md, the money rules and repeated payment and refund ids, over HTTP. */
class ReferralLifecycleTest extends ReferralServiceIntegrationTest {

    private static final Duration KAFKA_PATIENCE = Duration.ofSeconds(60);

    @Test
    void aReferralWalksThroughEveryStatusToCompleted() {
        String partner = api.registerPartner("Walker");
        String referral = api.submitReferral(partner);
        String ops = tokens.ops();

        post(referral, "qualify", null, HttpStatus.OK);
        assertThat(post(referral, "quote", Map.of("amount", money("12000.00", "EUR")), HttpStatus.OK)
                .get("quotedAmount")).isEqualTo(Api.json(money("12000.00", "EUR")));
        assertThat(post(referral, "quote", Map.of("amount", money("11500.00", "EUR")), HttpStatus.OK)
                .get("status").asText()).isEqualTo("QUOTED");
        post(referral, "contract", Map.of("contractValue", money("11500.00", "EUR"),
                "signedAt", "2026-11-01T09:00:00Z"), HttpStatus.OK);
        post(referral, "milestones", Map.of("name", "Design approved", "note", "on time"), HttpStatus.CREATED);
        post(referral, "payments", payment("dep", "5000.00", "DEPOSIT"), HttpStatus.CREATED);
        post(referral, "deliver", null, HttpStatus.OK);
        post(referral, "payments", payment("fin", "6500.00", "FINAL"), HttpStatus.CREATED);
        JsonNode completed = post(referral, "complete", null, HttpStatus.OK);

        assertThat(completed.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(completed.get("cashReceived")).isEqualTo(Api.json(money("11500.00", "EUR")));
        assertThat(completed.get("timeline")).extracting(entry -> entry.get("type").asText()).containsExactly(
                "submitted", "qualified", "quoted", "quoted", "contract-signed", "milestone-reached",
                "payment-received", "delivered", "payment-received", "completed");
        assertThat(completed.get("timeline").get(5).get("summary").asText())
                .isEqualTo("Milestone reached: Design approved (on time)");
        // the facts of each line as fields, for the portal to write in the reader's language
        JsonNode timeline = completed.get("timeline");
        assertThat(timeline.get(0).get("details").get("company").asText())
                .isEqualTo(completed.get("client").get("company").asText());
        assertThat(timeline.get(1).has("details")).isFalse();
        assertThat(timeline.get(3).get("details").get("amount")).isEqualTo(Api.json(money("11500.00", "EUR")));
        assertThat(timeline.get(4).get("details").get("contractValue")).isEqualTo(Api.json(money("11500.00", "EUR")));
        assertThat(timeline.get(4).get("details").get("on").asText()).isEqualTo("2026-11-01T09:00:00Z");
        assertThat(timeline.get(4).get("details").get("contractNumber").asInt()).isEqualTo(1);
        assertThat(timeline.get(5).get("details").get("name").asText()).isEqualTo("Design approved");
        assertThat(timeline.get(5).get("details").get("note").asText()).isEqualTo("on time");
        JsonNode deposit = timeline.get(6).get("details");
        assertThat(deposit.get("kind").asText()).isEqualTo("DEPOSIT");
        assertThat(deposit.get("reference").asText()).isEqualTo("dep");
        assertThat(deposit.get("amount")).isEqualTo(Api.json(money("5000.00", "EUR")));
        assertThat(deposit.get("on").asText()).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(deposit.get("netCash")).isEqualTo(Api.json(money("5000.00", "EUR")));
        assertThat(api.get("/api/referrals/" + referral, tokens.partner(partner), HttpStatus.OK).get("status")
                .asText()).isEqualTo("COMPLETED");

        assertProblem(api.post("/api/referrals/" + referral + "/lose", ops, Map.of("reason", "late"),
                HttpStatus.CONFLICT), 409, "illegal-transition");

        List<CloudEvent> published = referralEvents(referral, 10);
        assertThat(published).extracting(CloudEvent::type).containsExactly(
                "rapport.referral.submitted.v1", "rapport.referral.qualified.v1", "rapport.referral.quoted.v1",
                "rapport.referral.quoted.v1", "rapport.referral.contract-signed.v1",
                "rapport.referral.milestone-reached.v1", "rapport.referral.payment-received.v1",
                "rapport.referral.delivered.v1", "rapport.referral.payment-received.v1",
                "rapport.referral.completed.v1");
        assertThat(published).extracting(CloudEvent::id).doesNotHaveDuplicates();
    }

    @Test
    void aReferralIsLostAfterADepositAndARefundAndKeepsItsMoneyHistory() {
        String partner = api.registerPartner("Loser");
        String referral = api.submitReferral(partner);
        post(referral, "qualify", null, HttpStatus.OK);
        post(referral, "contract", Map.of("contractValue", money("10000.00", "EUR"),
                "signedAt", "2026-11-01T09:00:00Z"), HttpStatus.OK);
        post(referral, "payments", payment("dep", "3000.00", "DEPOSIT"), HttpStatus.CREATED);
        post(referral, "refunds", refund("ref-1", "1000.00", "scope reduced"), HttpStatus.CREATED);
        JsonNode lost = post(referral, "lose", Map.of("reason", "client cancelled"), HttpStatus.OK);
        JsonNode refundedAfterLoss = post(referral, "refunds", refund("ref-2", "2000.00", "cancelled"),
                HttpStatus.CREATED);

        assertThat(lost.get("status").asText()).isEqualTo("LOST");
        assertThat(lost.get("timeline").get(5).get("summary").asText())
                .isEqualTo("Lost while CONTRACTED: client cancelled");
        assertThat(lost.get("timeline").get(5).get("details").get("fromStatus").asText()).isEqualTo("CONTRACTED");
        assertThat(lost.get("timeline").get(5).get("details").get("reason").asText()).isEqualTo("client cancelled");
        JsonNode refunded = lost.get("timeline").get(4).get("details");
        assertThat(refunded.get("reference").asText()).isEqualTo("ref-1");
        assertThat(refunded.get("amount")).isEqualTo(Api.json(money("1000.00", "EUR")));
        assertThat(refunded.get("reason").asText()).isEqualTo("scope reduced");
        assertThat(refunded.get("netCash")).isEqualTo(Api.json(money("2000.00", "EUR")));
        assertThat(refundedAfterLoss.get("cashReceived")).isEqualTo(Api.json(money("3000.00", "EUR")));
        assertThat(refundedAfterLoss.get("refunded")).isEqualTo(Api.json(money("3000.00", "EUR")));
        assertProblem(post(referral, "refunds", refund("ref-3", "0.01", "too much"), HttpStatus.CONFLICT),
                409, "refunds-exceed-payments");
        assertProblem(post(referral, "payments", payment("late", "1.00", "FINAL"), HttpStatus.CONFLICT),
                409, "illegal-transition");

        List<CloudEvent> published = referralEvents(referral, 7);
        assertThat(published).extracting(CloudEvent::type).containsExactly(
                "rapport.referral.submitted.v1", "rapport.referral.qualified.v1",
                "rapport.referral.contract-signed.v1", "rapport.referral.payment-received.v1",
                "rapport.referral.refund-issued.v1", "rapport.referral.lost.v1", "rapport.referral.refund-issued.v1");
        assertThat(published.get(4).data().get("netCash")).isEqualTo(Api.json(money("2000.00", "EUR")));
        assertThat(published.get(5).data().get("lostAtStatus").asText()).isEqualTo("CONTRACTED");
        assertThat(published.get(6).data().get("netCash")).isEqualTo(Api.json(money("0.00", "EUR")));
    }

    @Test
    void aReferralRejectedWithAReasonIsFinal() {
        String referral = api.submitReferral(api.registerPartner("Rejected"));
        JsonNode rejected = post(referral, "reject", Map.of("reason", "outside our market"), HttpStatus.OK);
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("timeline").get(1).get("summary").asText()).isEqualTo("Rejected: outside our market");
        JsonNode refused = post(referral, "qualify", null, HttpStatus.CONFLICT);
        assertProblem(refused, 409, "illegal-transition");
        assertThat(refused.get("currentStatus").asText()).isEqualTo("REJECTED");
        assertThat(refused.get("detail").asText()).contains("REJECTED").contains("SUBMITTED");
    }

    @Test
    void paymentsMustBeInTheContractCurrencyAndWithinItsValue() {
        String referral = contractedReferral("10000.00");
        assertProblem(post(referral, "payments", Map.of("paymentId", "usd", "amount", money("10.00", "USD"),
                "kind", "DEPOSIT", "receivedAt", "2026-11-20T10:00:00Z"), HttpStatus.CONFLICT), 409, "currency-mismatch");
        post(referral, "payments", payment("p1", "9999.99", "DEPOSIT"), HttpStatus.CREATED);
        assertProblem(post(referral, "payments", payment("p2", "0.02", "FINAL"), HttpStatus.CONFLICT),
                409, "payments-exceed-contract");
        post(referral, "payments", payment("p2", "0.01", "FINAL"), HttpStatus.CREATED);
        assertProblem(post(referral, "refunds", Map.of("refundId", "r-usd", "amount", money("1", "JPY"),
                "reason", "x", "issuedAt", "2026-11-21T10:00:00Z"), HttpStatus.CONFLICT), 409, "currency-mismatch");
        assertProblem(post(referral, "payments", payment("p3", "0.00", "FINAL"), HttpStatus.BAD_REQUEST),
                400, "invalid-money");
        assertProblem(post(referral, "payments", payment("p3", "0.001", "FINAL"), HttpStatus.BAD_REQUEST),
                400, "invalid-money");
        assertThat(api.get("/api/referrals/" + referral, tokens.ops(), HttpStatus.OK).get("cashReceived"))
                .isEqualTo(Api.json(money("10000.00", "EUR")));
    }

    @Test
    void aRepeatedPaymentOrRefundIdIsAnsweredOnceAndRefusedWithOtherContent() {
        String referral = contractedReferral("10000.00");
        post(referral, "payments", payment("pay-1", "100.00", "DEPOSIT"), HttpStatus.CREATED);
        JsonNode again = post(referral, "payments", payment("pay-1", "100.00", "DEPOSIT"), HttpStatus.OK);
        assertThat(again.get("cashReceived")).isEqualTo(Api.json(money("100.00", "EUR")));
        assertThat(again.get("payments")).hasSize(1);
        assertProblem(post(referral, "payments", payment("pay-1", "200.00", "DEPOSIT"), HttpStatus.CONFLICT),
                409, "payment-id-reused");

        post(referral, "refunds", refund("ref-1", "40.00", "discount"), HttpStatus.CREATED);
        assertThat(post(referral, "refunds", refund("ref-1", "40.00", "discount"), HttpStatus.OK).get("refunded"))
                .isEqualTo(Api.json(money("40.00", "EUR")));
        assertProblem(post(referral, "refunds", refund("ref-1", "40.00", "another"), HttpStatus.CONFLICT),
                409, "refund-id-reused");

        List<CloudEvent> published = referralEvents(referral, 5);
        assertThat(published).extracting(CloudEvent::type).containsExactly("rapport.referral.submitted.v1",
                "rapport.referral.qualified.v1", "rapport.referral.contract-signed.v1",
                "rapport.referral.payment-received.v1", "rapport.referral.refund-issued.v1");
    }

    @Test
    void reassignmentMovesTheCreditAndBothPartnersKeepTheHistory() {
        String first = api.registerPartner("First");
        String second = api.registerPartner("Second");
        String bystander = api.registerPartner("Bystander");
        String referral = api.submitReferral(first);
        post(referral, "qualify", null, HttpStatus.OK);

        JsonNode moved = post(referral, "reassign", Map.of("partnerId", second, "reason", "introduced by Second"),
                HttpStatus.OK);
        assertThat(moved.get("partnerId").asText()).isEqualTo(second);
        assertThat(moved.get("timeline")).extracting(entry -> entry.get("partnerId").asText())
                .containsExactly(first, first, second);
        assertThat(moved.get("timeline").get(2).get("summary").asText())
                .isEqualTo("Reassigned from partner %s to partner %s: introduced by Second".formatted(first, second));
        assertThat(moved.get("timeline").get(2).get("details").get("previousPartnerId").asText()).isEqualTo(first);
        assertThat(moved.get("timeline").get(2).get("details").get("newPartnerId").asText()).isEqualTo(second);
        assertThat(api.get("/api/referrals/" + referral, tokens.partner(second), HttpStatus.OK).get("partnerId")
                .asText()).isEqualTo(second);
        assertThat(api.get("/api/referrals/" + referral, tokens.partner(first), HttpStatus.OK).get("timeline"))
                .hasSize(3);
        assertThat(api.get("/api/referrals", tokens.partner(first), HttpStatus.OK).get("total").asLong()).isEqualTo(1);
        api.get("/api/referrals/" + referral, tokens.partner(bystander), HttpStatus.NOT_FOUND);
        assertThat(api.get("/api/referrals?partnerId=" + first, tokens.ops(), HttpStatus.OK).get("total").asLong())
                .isZero();

        post(referral, "contract", Map.of("contractValue", money("500.00", "EUR"), "signedAt",
                "2026-11-02T09:00:00Z"), HttpStatus.OK);
        assertProblem(post(referral, "reassign", Map.of("partnerId", first, "reason", "back"), HttpStatus.CONFLICT),
                409, "illegal-transition");
        assertProblem(post(api.submitReferral(first), "reassign", Map.of("partnerId", "no-such-partner",
                "reason", "x"), HttpStatus.BAD_REQUEST), 400, "unknown-partner");

        List<CloudEvent> published = referralEvents(referral, 4);
        assertThat(published).extracting(CloudEvent::type).containsExactly("rapport.referral.submitted.v1",
                "rapport.referral.qualified.v1", "rapport.referral.reassigned.v1",
                "rapport.referral.contract-signed.v1");
        assertThat(published.get(2).data().get("previousPartnerId").asText()).isEqualTo(first);
        assertThat(published.get(3).data().get("partnerId").asText()).isEqualTo(second);
    }

    private String contractedReferral(String value) {
        String referral = api.submitReferral(api.registerPartner("Money"));
        post(referral, "qualify", null, HttpStatus.OK);
        post(referral, "contract", Map.of("contractValue", money(value, "EUR"), "signedAt", "2026-11-01T09:00:00Z"),
                HttpStatus.OK);
        return referral;
    }

    private JsonNode post(String referral, String action, Object body, HttpStatus expected) {
        return api.post("/api/referrals/" + referral + "/" + action, tokens.ops(), body, expected);
    }

    private static Map<String, Object> payment(String paymentId, String amount, String kind) {
        return Map.of("paymentId", paymentId, "amount", money(amount, "EUR"), "kind", kind,
                "receivedAt", "2026-11-20T10:00:00Z");
    }

    private static Map<String, Object> refund(String refundId, String amount, String reason) {
        return Map.of("refundId", refundId, "amount", money(amount, "EUR"), "reason", reason,
                "issuedAt", "2026-11-21T10:00:00Z");
    }

    private static List<CloudEvent> referralEvents(String referral, int expected) {
        List<CloudEventTopics.Received> received = CloudEventTopics.shared().events(Topics.REFERRAL_EVENTS,
                referral::equals,
                events -> events.size() >= expected, KAFKA_PATIENCE);
        assertThat(received).allSatisfy(record -> assertThat(record.key()).isEqualTo(referral));
        return received.stream().map(CloudEventTopics.Received::event).toList();
    }
}
