package com.rapport.commission;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The six worked examples of COMMISSIONS.md (standard plan), through the running service: Kafka in, HTTP out. */
class WorkedExamplesTest extends CommissionServiceTestBase {

    @Test
    void example1_threePaymentsEarn333_33_333_34_333_33() {
        String p = partner(null);
        String referral = contract(p, "10000.00", "EUR", 1);
        pay(referral, p, "3333.33", "3333.33", "EUR");
        pay(referral, p, "3333.33", "6666.66", "EUR");
        pay(referral, p, "3333.34", "10000.00", "EUR");

        assertThat(amounts(p, referral, 3)).containsExactly("333.33", "333.34", "333.33");
    }

    @Test
    void example2_aRefundOf3333_34ReversesMinus333_33() {
        String p = partner(null);
        String referral = contract(p, "10000.00", "EUR", 1);
        pay(referral, p, "3333.33", "3333.33", "EUR");
        pay(referral, p, "3333.33", "6666.66", "EUR");
        pay(referral, p, "3333.34", "10000.00", "EUR");
        referralService.refundIssued(referral, p, "3333.34", "6666.66", "EUR", "2026-11-05");

        assertThat(amounts(p, referral, 4)).containsExactly("333.33", "333.34", "333.33", "-333.33");
    }

    @Test
    void example3_theIntroducersParentEarnsOverrides66_67_66_66_66_67() {
        String q = partner(null);
        String p = partner(q);
        String referral = newId();
        referralService.contractSigned(referral, p, q, "10000.00", "EUR", 1);
        pay(referral, p, "3333.33", "3333.33", "EUR");
        pay(referral, p, "3333.33", "6666.66", "EUR");
        pay(referral, p, "3333.34", "10000.00", "EUR");

        assertThat(amounts(q, referral, 3)).containsExactly("66.67", "66.66", "66.67");
        assertThat(amounts(p, referral, 3)).containsExactly("333.33", "333.34", "333.33");
    }

    @Test
    void example4_theThirdContractEarns12PercentAndTheSixth15() {
        String p = partner(null);
        String third = contract(p, "1000.00", "EUR", 3);
        String sixth = contract(p, "1000.00", "EUR", 6);
        pay(third, p, "1000.00", "1000.00", "EUR");
        pay(sixth, p, "1000.00", "1000.00", "EUR");

        assertThat(amounts(p, third, 1)).containsExactly("120.00");
        assertThat(amounts(p, sixth, 1)).containsExactly("150.00");
    }

    @Test
    void example5_1000005YenAtTenPercentRoundsHalfEvenTo100000Yen() {
        String p = partner(null);
        String referral = contract(p, "2000000", "JPY", 1);
        pay(referral, p, "1000005", "1000005", "JPY");

        assertThat(amounts(p, referral, 1)).containsExactly("100000");
    }

    @Test
    void example6_paidOnNovember1stWithFourteenDaysHoldIsPayableOnNovember15th() {
        String p = partner(null);
        String referral = contract(p, "1000.00", "EUR", 1);
        referralService.paymentReceived(referral, p, "1000.00", "1000.00", "EUR", "2026-11-01");
        assertThat(amounts(p, referral, 1)).containsExactly("100.00");
        makePayable(p);

        assertThat(linesOf(batch("2026-11-14"), p)).isEmpty();
        assertThat(linesOf(batch("2026-11-15"), p)).containsExactly("100.00");
    }

    private String partner(String parent) {
        String id = newId();
        referralService.partnerRegistered(id, "Partner " + id.substring(0, 4), parent);
        return id;
    }

    private String contract(String partner, String value, String currency, int contractNumber) {
        String referral = newId();
        referralService.contractSigned(referral, partner, value, currency, contractNumber);
        return referral;
    }

    private void pay(String referral, String partner, String amount, String netCash, String currency) {
        referralService.paymentReceived(referral, partner, amount, netCash, currency, "2026-11-02");
    }

    private List<String> amounts(String partner, String referral, int expected) {
        List<String> amounts = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode page = as(TOKENS.partner(partner)).get()
                    .uri("/api/commissions?referralId={r}", referral).exchange()
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            amounts.clear();
            page.get("items").forEach(item -> amounts.add(item.at("/amount/amount").asText()));
            assertThat(amounts).hasSize(expected);
        });
        return amounts;
    }

    private JsonNode batch(String asOf) {
        return as(TOKENS.finance()).post().uri("/api/payouts").bodyValue(Map.of("asOf", asOf)).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static List<String> linesOf(JsonNode batch, String partner) {
        List<String> lines = new ArrayList<>();
        batch.get("lines").forEach(line -> {
            if (partner.equals(line.get("partnerId").asText())) {
                lines.add(line.at("/amount/amount").asText());
            }
        });
        return lines;
    }
}
