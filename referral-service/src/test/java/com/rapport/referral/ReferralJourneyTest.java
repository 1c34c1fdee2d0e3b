package com.rapport.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.events.CloudEvent;
import com.rapport.referral.support.Api;
import com.rapport.events.Topics;
import com.rapport.testsupport.CloudEventTopics;
import com.rapport.testsupport.CloudEventTopics.Received;
import com.rapport.referral.support.ReferralServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.rapport.referral.support.Api.assertProblem;
import static com.rapport.referral.support.Api.money;
import static org.assertj.core.api.Assertions.assertThat;

/** The walking skeleton's journey: a partner's referral from submission to a fully paid contract. */
class ReferralJourneyTest extends ReferralServiceIntegrationTest {

    private static final Duration KAFKA_PATIENCE = Duration.ofSeconds(60);

    @Test
    void healthIsUpAndNeedsNoToken() {
        web.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void aReferralIsSubmittedQualifiedContractedAndPaidAndEveryStepReachesKafka() {
        String partnerA = api.registerPartner("Partner A");
        String partnerB = api.registerPartner("Partner B");
        String marker = Api.unique();

        JsonNode submitted = api.post("/api/referrals", tokens.partner(partnerA),
                Api.referralFor("Acme " + marker + " Ltd", "li-" + marker + "@acme.example"), HttpStatus.CREATED);
        String referralId = submitted.get("referralId").asText();
        assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("partnerId").asText()).isEqualTo(partnerA);
        assertThat(submitted.get("estimatedValue")).isEqualTo(json(Map.of("amount", "80000.00", "currency", "CNY")));

        JsonNode early = api.post("/api/referrals/" + referralId + "/payments", tokens.ops(),
                payment("early", "100.00"), HttpStatus.CONFLICT);
        assertProblem(early, 409, "illegal-transition");
        assertThat(early.get("currentStatus").asText()).isEqualTo("SUBMITTED");
        assertThat(early.get("allowedStatuses")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("CONTRACTED", "DELIVERED");

        assertThat(api.post("/api/referrals/" + referralId + "/qualify", tokens.ops(), null, HttpStatus.OK)
                .get("status").asText()).isEqualTo("QUALIFIED");
        JsonNode contracted = api.post("/api/referrals/" + referralId + "/contract", tokens.ops(),
                Map.of("contractValue", money("10000.00", "EUR"), "signedAt", "2026-11-01T10:00:00Z"), HttpStatus.OK);
        assertThat(contracted.get("status").asText()).isEqualTo("CONTRACTED");
        assertThat(contracted.get("contractNumber").asInt()).isEqualTo(1);

        for (String[] payment : new String[][]{{"pay-1", "3333.33"}, {"pay-2", "3333.33"}, {"pay-3", "3333.34"}}) {
            api.post("/api/referrals/" + referralId + "/payments", tokens.ops(), payment(payment[0], payment[1]),
                    HttpStatus.CREATED);
        }

        JsonNode seenByA = api.get("/api/referrals/" + referralId, tokens.partner(partnerA), HttpStatus.OK);
        assertThat(seenByA.get("status").asText()).isEqualTo("CONTRACTED");
        assertThat(seenByA.get("contractValue")).isEqualTo(json(money("10000.00", "EUR")));
        assertThat(seenByA.get("cashReceived")).isEqualTo(json(money("10000.00", "EUR")));
        assertThat(seenByA.get("refunded")).isEqualTo(json(money("0.00", "EUR")));
        assertThat(seenByA.get("client").get("company").asText()).isEqualTo("Acme " + marker + " Ltd");
        assertThat(seenByA.get("timeline")).extracting(entry -> entry.get("type").asText()).containsExactly(
                "submitted", "qualified", "contract-signed", "payment-received", "payment-received",
                "payment-received");
        assertThat(seenByA.has("createdAt")).isTrue();
        assertThat(seenByA.has("updatedAt")).isTrue();

        JsonNode listedForA = api.get("/api/referrals?size=100", tokens.partner(partnerA), HttpStatus.OK);
        assertThat(listedForA.get("total").asLong()).isEqualTo(1);
        assertThat(listedForA.get("items").get(0).get("referralId").asText()).isEqualTo(referralId);
        JsonNode listedForB = api.get("/api/referrals", tokens.partner(partnerB), HttpStatus.OK);
        assertThat(listedForB.get("total").asLong()).isZero();
        JsonNode contractedForOps = api.get("/api/referrals?status=CONTRACTED&partnerId=" + partnerA, tokens.ops(),
                HttpStatus.OK);
        assertThat(contractedForOps.get("items")).extracting(item -> item.get("referralId").asText())
                .containsExactly(referralId);

        assertProblem(api.get("/api/referrals/" + referralId, tokens.partner(partnerB), HttpStatus.NOT_FOUND),
                404, "not-found");
        assertThat(api.get("/api/partners/" + partnerA, tokens.partner(partnerA), HttpStatus.OK)
                .get("name").asText()).isEqualTo("Partner A");
        assertThat(api.get("/api/partners/" + partnerA, tokens.finance(), HttpStatus.OK)
                .get("language").asText()).isEqualTo("en");
        assertProblem(api.get("/api/partners/" + partnerA, tokens.partner(partnerB), HttpStatus.NOT_FOUND),
                404, "not-found");

        web.get().uri("/api/referrals/" + referralId).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/api/referrals/" + referralId + "/qualify")
                .header("X-Rapport-Roles", "OPS").exchange()
                .expectStatus().isUnauthorized();

        List<Received> events = CloudEventTopics.shared().events(Topics.REFERRAL_EVENTS,
                Set.of(referralId, partnerA)::contains,
                received -> received.size() >= 7, KAFKA_PATIENCE);
        assertThat(events).allSatisfy(received -> {
            assertThat(received.event().specversion()).isEqualTo("1.0");
            assertThat(received.key()).isEqualTo(received.event().subject());
            assertThat(received.event().source()).isEqualTo("/referral-service");
        });
        assertThat(events.stream().filter(received -> received.key().equals(partnerA)))
                .extracting(received -> received.event().type())
                .containsExactly("rapport.partner.registered.v1");
        List<CloudEvent> referralEvents = events.stream().filter(received -> received.key().equals(referralId))
                .map(Received::event).toList();
        assertThat(referralEvents).extracting(CloudEvent::type).containsExactly(
                "rapport.referral.submitted.v1", "rapport.referral.qualified.v1",
                "rapport.referral.contract-signed.v1", "rapport.referral.payment-received.v1",
                "rapport.referral.payment-received.v1", "rapport.referral.payment-received.v1");
        assertThat(referralEvents).extracting(CloudEvent::id).doesNotHaveDuplicates();
        assertThat(referralEvents.get(2).data().get("contractNumber").asInt()).isEqualTo(1);
        assertThat(referralEvents.subList(3, 6)).extracting(event -> event.data().get("netCash").get("amount").asText())
                .containsExactly("3333.33", "6666.66", "10000.00");
    }

    private static Map<String, Object> payment(String paymentId, String amount) {
        return Map.of("paymentId", paymentId, "amount", money(amount, "EUR"), "kind", "DEPOSIT",
                "receivedAt", "2026-11-20T10:00:00Z");
    }

    private static JsonNode json(Object value) {
        return Api.json(value);
    }
}
