package com.rapport.commission.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.commission.CommissionServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Plans over HTTP, and what a contract locks: later versions never change a contracted referral. */
class PlanIntegrationTest extends CommissionServiceTestBase {

    @Test
    void theStandardPlanExistsFromTheFirstStart() {
        as(TOKENS.partner(newId())).get().uri("/api/commission-plans/standard").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.planId").isEqualTo("standard")
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.tiers[*].fromContracts").isEqualTo(List.of(1, 3, 6))
                .jsonPath("$.tiers[*].rate").isEqualTo(List.of("0.10", "0.12", "0.15"))
                .jsonPath("$.overrideRate").isEqualTo("0.02")
                .jsonPath("$.holdDays").isEqualTo(14);
        as(TOKENS.ops()).get().uri("/api/commission-plans").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[?(@.planId == 'standard')]").exists();
    }

    @Test
    void aContractKeepsTheVersionItLockedWhateverFinancePublishesLater() {
        String planId = "gold-" + newId().substring(0, 8);
        publish(planId, "0.20", Map.of("EUR", "1000.00")).expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);
        publish(planId, "0.25", Map.of("EUR", "1000.00")).expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.minimumPayout[0].amount").isEqualTo("1000.00")
                .jsonPath("$.capPerReferral[0].amount").isEqualTo("400.00");

        String partner = newId();
        referralService.partnerRegistered(partner, "Gold Partner", null);
        as(TOKENS.finance()).put().uri("/api/partner-plans/{p}", partner).bodyValue(Map.of("planId", planId))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.planId").isEqualTo(planId);
        String referral = newId();
        referralService.contractSigned(referral, partner, "4000.00", "EUR", 1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(TOKENS.finance()).get()
                .uri("/api/commissions/summary?partnerId={p}", partner).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.currencies[0].projected.amount").isEqualTo("400.00"));

        publish(planId, "0.30", Map.of("EUR", "1000.00")).expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(3);
        referralService.paymentReceived(referral, partner, "1000.00", "1000.00", "EUR", "2026-10-01");
        referralService.paymentReceived(referral, partner, "3000.00", "4000.00", "EUR", "2026-10-02");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(TOKENS.partner(partner)).get()
                .uri("/api/commissions").exchange()
                .expectStatus().isOk().expectBody()
                // 25 % of version 2, capped at its 400.00: 250.00 then 150.00
                .jsonPath("$.items[*].amount.amount").isEqualTo(List.of("250.00", "150.00"))
                .jsonPath("$.items[*].rate").isEqualTo(List.of("0.25", "0.25"))
                .jsonPath("$.items[1].explanation").value(text -> assertThat((String) text)
                        .contains("capped at 400.00 EUR per referral")));

        // the partner's current plan asks for at least 1,000.00 EUR: the 400.00 waits for a later batch
        JsonNode batch = as(TOKENS.finance()).post().uri("/api/payouts").bodyValue(Map.of("asOf", "2026-10-31"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        batch.get("lines").forEach(line -> assertThat(line.get("partnerId").asText()).isNotEqualTo(partner));
    }

    @Test
    void invalidPlansAndUnknownPlansAreRefusedAndOnlyFinanceChangesPlans() {
        as(TOKENS.finance()).put().uri("/api/commission-plans/broken")
                .bodyValue(Map.of("tiers", List.of(Map.of("fromContracts", 2, "rate", "1.50")), "holdDays", 14))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://docs.rapport.example/problems/invalid-plan");
        as(TOKENS.finance()).put().uri("/api/commission-plans/broken")
                .bodyValue(Map.of("tiers", List.of(Map.of("fromContracts", 1, "rate", "0.10")), "holdDays", 14,
                        "minimumPayout", Map.of("EUR", "10.005")))
                .exchange().expectStatus().isBadRequest();
        as(TOKENS.finance()).get().uri("/api/commission-plans/broken").exchange().expectStatus().isNotFound();
        as(TOKENS.ops()).put().uri("/api/commission-plans/standard")
                .bodyValue(Map.of("tiers", List.of(Map.of("fromContracts", 1, "rate", "0.50")), "holdDays", 0))
                .exchange().expectStatus().isForbidden();
        // a caller without the role is told so before anything in the body is judged
        as(TOKENS.ops()).put().uri("/api/commission-plans/standard").bodyValue(Map.of())
                .exchange().expectStatus().isForbidden();
        as(TOKENS.ops()).put().uri("/api/partner-plans/{p}", newId()).bodyValue(Map.of())
                .exchange().expectStatus().isForbidden();
        as(TOKENS.partner(newId())).post().uri("/api/payouts").bodyValue(Map.of())
                .exchange().expectStatus().isForbidden();
        as(TOKENS.finance()).put().uri("/api/partner-plans/{p}", newId()).bodyValue(Map.of("planId", "no-such-plan"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://docs.rapport.example/problems/unknown-plan");
    }

    private WebTestClient.ResponseSpec publish(
            String planId, String rate, Map<String, String> minimumPayout) {
        return as(TOKENS.finance()).put().uri("/api/commission-plans/{id}", planId)
                .bodyValue(Map.of("tiers", List.of(Map.of("fromContracts", 1, "rate", rate)),
                        "overrideRate", "0.02",
                        "capPerReferral", List.of(Map.of("amount", "400.00", "currency", "EUR")),
                        "holdDays", 14,
                        "minimumPayout", minimumPayout))
                .exchange();
    }
}
