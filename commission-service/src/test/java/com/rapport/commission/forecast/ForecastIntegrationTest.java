package com.rapport.commission.forecast;

import com.rapport.commission.CommissionServiceTestBase;
import com.rapport.events.Topics;
import com.rapport.events.money.Money;
import com.rapport.events.referral.Client;
import com.rapport.events.referral.ContractAmendedV1;
import com.rapport.events.referral.ContractSignedV1;
import com.rapport.events.referral.CreditShare;
import com.rapport.events.referral.FollowOnOpenedV1;
import com.rapport.events.referral.ScheduleSetV1;
import com.rapport.events.referral.ScheduledInstalment;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * API.md "Deals as they really go" on the commission side, over Kafka and HTTP: the forecast, co-introducers,
 * amendments and follow-ons. Today is 2026-11-26; the standard plan holds 14 days.
 */
class ForecastIntegrationTest extends CommissionServiceTestBase {

    static final Instant SIGNED = Instant.parse("2026-11-02T09:00:00Z");

    static CreditShare share(String partnerId, String share, String parent, Integer contractNumber) {
        return new CreditShare(partnerId, new BigDecimal(share), parent, "en", partnerId + "@example.com",
                "Partner " + partnerId.substring(0, 4), contractNumber);
    }

    static ScheduledInstalment instalment(String name, String due, String amount) {
        return new ScheduledInstalment(name, LocalDate.parse(due), Money.of(amount, "EUR"));
    }

    @Nested
    class Forecast {

        @Test
        void writtenEntriesCountByPayableMonthAndUnpaidInstalmentsByDueDatePlusHoldOverdueFromToday() {
            String partner = newId();
            String parent = newId();
            String referral = newId();
            List<CreditShare> shares = List.of(share(partner, "1", parent, 1));
            referralService.publish(new ContractSignedV1(referral, partner, Money.of("10000.00", "EUR"), SIGNED, 1,
                    shares));
            referralService.publish(new ScheduleSetV1(referral, partner, List.of(
                    instalment("deposit", "2026-11-01", "3000.00"),
                    instalment("milestone", "2026-12-20", "3000.00"),
                    instalment("final", "2027-02-10", "4000.00")), shares));
            // 2,000.00 of the overdue deposit paid: its remaining 1,000.00 counts from today
            referralService.paymentReceived(referral, partner, "2000.00", "2000.00", "EUR", "2026-11-20");

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(TOKENS.partner(partner)).get()
                    .uri("/api/forecast?months=4").exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.months[*].month").isEqualTo(List.of("2026-11", "2026-12", "2027-01", "2027-02"))
                    .jsonPath("$.months[*].currency").isEqualTo(List.of("EUR", "EUR", "EUR", "EUR"))
                    .jsonPath("$.months[*].payable.amount").isEqualTo(List.of("0.00", "200.00", "0.00", "0.00"))
                    .jsonPath("$.months[*].fromSchedule.amount")
                    .isEqualTo(List.of("0.00", "100.00", "300.00", "400.00")));

            // the parent's override, and finance asking for the parent
            as(TOKENS.finance()).get().uri("/api/forecast?partnerId={p}&months=4", parent).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.months[*].payable.amount").isEqualTo(List.of("0.00", "40.00", "0.00", "0.00"))
                    .jsonPath("$.months[*].fromSchedule.amount")
                    .isEqualTo(List.of("0.00", "20.00", "60.00", "80.00"));
            as(TOKENS.finance()).get().uri("/api/forecast").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.months").isArray();
        }

        @Test
        void someoneElsesForecastIsA404AndBadMonthsA400() {
            as(TOKENS.partner(newId())).get().uri("/api/forecast?partnerId={p}", newId()).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType("application/problem+json");
            as(TOKENS.finance()).get().uri("/api/forecast?months=0").exchange().expectStatus().isBadRequest();
            as(TOKENS.finance()).get().uri("/api/forecast?months=61").exchange().expectStatus().isBadRequest();
            as(TOKENS.finance()).get().uri("/api/forecast?months=twelve").exchange().expectStatus().isBadRequest();
            as(TOKENS.ops()).get().uri("/api/forecast").exchange().expectStatus().isForbidden();
            web.get().uri("/api/forecast").exchange().expectStatus().isUnauthorized();
        }

        @Test
        void aPartnerWithNothingHasAnEmptyForecast() {
            as(TOKENS.partner(newId())).get().uri("/api/forecast").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.months").isEmpty();
        }
    }

    @Nested
    class CoIntroducersAndAmendments {

        @Test
        void eachCoIntroducerEarnsItsShareAtItsOwnTierAndProjectedFollowsTheAmendedValue() {
            String p = newId();
            String r = newId();
            String referral = newId();
            List<CreditShare> shares = List.of(share(p, "0.6", null, 3), share(r, "0.4", null, 1));
            referralService.publish(new ContractSignedV1(referral, p, Money.of("10000.00", "EUR"), SIGNED, 3,
                    shares));
            referralService.paymentReceived(referral, p, "5000.00", "5000.00", "EUR", "2026-11-20");

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(TOKENS.finance()).get()
                    .uri("/api/commissions?referralId={r}", referral).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.total").isEqualTo(2)
                    .jsonPath("$.items[?(@.partnerId=='%s')].amount.amount", p).isEqualTo(List.of("360.00"))
                    .jsonPath("$.items[?(@.partnerId=='%s')].rate", p).isEqualTo(List.of("0.12"))
                    .jsonPath("$.items[?(@.partnerId=='%s')].explanation", p).isEqualTo(List.of(
                            "12% of your 60% share of a 5,000.00 EUR payment received 2026-11-20 "
                                    + "(contract 10,000.00 EUR; tier 2: contracts 3 to 5)"))
                    .jsonPath("$.items[?(@.partnerId=='%s')].amount.amount", r).isEqualTo(List.of("200.00"))
                    .jsonPath("$.items[?(@.partnerId=='%s')].rate", r).isEqualTo(List.of("0.10")));
            // 0.12 × 0.6 × 10,000.00 = 720.00, less 360.00 earned
            projected(p, "360.00");

            referralService.publish(new ContractAmendedV1(referral, p, newId(), Money.of("2000.00", "EUR"),
                    Money.of("12000.00", "EUR"), "more screens", Instant.parse("2026-11-21T09:00:00Z"), shares));
            // 0.12 × 0.6 × 12,000.00 = 864.00, less 360.00 earned; 0.10 × 0.4 × 12,000.00 = 480.00, less 200.00
            projected(p, "504.00");
            projected(r, "280.00");
            as(TOKENS.finance()).get().uri("/api/commissions?referralId={r}", referral).exchange()
                    .expectBody().jsonPath("$.total").isEqualTo(2);
        }

        private void projected(String partner, String amount) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(TOKENS.partner(partner)).get()
                    .uri("/api/commissions/summary").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.currencies[0].projected.amount").isEqualTo(amount));
        }
    }

    @Nested
    class FollowOns {

        @Test
        void aFollowOnIsItsOwnContractAtTheTierItsContractNumberGives() {
            String partner = newId();
            String original = newId();
            String followOn = newId();
            referralService.publish(new FollowOnOpenedV1(followOn, partner, original,
                    new Client("Acme", "Li Wei", "li@acme.example"), "phase 2", Money.of("5000.00", "EUR"),
                    List.of(share(partner, "1", null, null))));
            referralService.publish(new ContractSignedV1(followOn, partner, Money.of("5000.00", "EUR"), SIGNED, 3,
                    List.of(share(partner, "1", null, 3))));
            referralService.paymentReceived(followOn, partner, "1000.00", "1000.00", "EUR", "2026-11-20");

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(TOKENS.partner(partner)).get()
                    .uri("/api/commissions?referralId={r}", followOn).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.items[*].amount.amount").isEqualTo(List.of("120.00"))
                    .jsonPath("$.items[0].explanation").isEqualTo("12% of a 1,000.00 EUR payment received "
                            + "2026-11-20 (contract 5,000.00 EUR; tier 2: contracts 3 to 5)"));
            assertThat(KAFKA.read(Topics.deadLetterTopicOf(Topics.REFERRAL_EVENTS),
                    rec -> followOn.equals(rec.key()), 1, Duration.ofSeconds(2))).isEmpty();
        }
    }
}
