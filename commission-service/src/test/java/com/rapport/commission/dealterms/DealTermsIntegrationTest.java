package com.rapport.commission.dealterms;

import com.rapport.commission.CommissionServiceTestBase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** API.md "Deals as they really go": {@code PUT}/{@code GET /api/deal-terms/{referralId}} over HTTP and Kafka. */
class DealTermsIntegrationTest extends CommissionServiceTestBase {

    static final Map<String, Object> FEE = Map.of("flatFee", Map.of("amount", "1000.00", "currency", "EUR"),
            "reason", "introduced the CFO personally");

    @Nested
    class BeforeTheContract {

        @Test
        void financeAgreesAFinderFeeAndOpsReadsIt() {
            String referral = newId();
            as(TOKENS.finance()).put().uri("/api/deal-terms/{r}", referral).bodyValue(FEE).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.referralId").isEqualTo(referral)
                    .jsonPath("$.flatFee.amount").isEqualTo("1000.00")
                    .jsonPath("$.flatFee.currency").isEqualTo("EUR")
                    .jsonPath("$.rate").doesNotExist()
                    .jsonPath("$.reason").isEqualTo("introduced the CFO personally")
                    .jsonPath("$.locked").isEqualTo(false);
            as(TOKENS.ops()).get().uri("/api/deal-terms/{r}", referral).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.flatFee.amount").isEqualTo("1000.00");
        }

        @Test
        void anAgreedRateCanBeChangedUntilTheContract() {
            String referral = newId();
            as(TOKENS.finance()).put().uri("/api/deal-terms/{r}", referral)
                    .bodyValue(Map.of("rate", "0.08", "reason", "strategic account")).exchange()
                    .expectStatus().isOk();
            as(TOKENS.finance()).put().uri("/api/deal-terms/{r}", referral)
                    .bodyValue(Map.of("rate", 0.07, "cap", Map.of("amount", "500", "currency", "EUR"),
                            "reason", "strategic account, capped")).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.rate").isEqualTo("0.07")
                    .jsonPath("$.cap.amount").isEqualTo("500.00");
        }

        @Test
        void bothARateAndAFlatFeeIsA400AndNothingIsStored() {
            String referral = newId();
            as(TOKENS.finance()).put().uri("/api/deal-terms/{r}", referral)
                    .bodyValue(Map.of("rate", "0.08", "flatFee", Map.of("amount", "1000.00", "currency", "EUR"),
                            "reason", "both")).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType("application/problem+json")
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("rate, flatFee");
            as(TOKENS.finance()).get().uri("/api/deal-terms/{r}", referral).exchange().expectStatus().isNotFound();
        }

        @Test
        void neitherARateNorAFeeOrABadRateOrAmountOrNoReasonIsA400() {
            String referral = newId();
            for (Object body : List.of(Map.of("reason", "nothing"),
                    Map.of("rate", "1.5", "reason", "too much"),
                    Map.of("rate", "0", "reason", "nothing"),
                    Map.of("flatFee", Map.of("amount", "-5.00", "currency", "EUR"), "reason", "negative"),
                    Map.of("flatFee", Map.of("amount", "5.001", "currency", "EUR"), "reason", "too precise"),
                    Map.of("flatFee", Map.of("amount", "1e5", "currency", "EUR"), "reason", "exponent"),
                    Map.of("rate", "0.05"),
                    Map.of("rate", "0.05", "reason", "x".repeat(2001)))) {
                as(TOKENS.finance()).put().uri("/api/deal-terms/{r}", referral).bodyValue(body).exchange()
                        .expectStatus().isBadRequest()
                        .expectHeader().contentType("application/problem+json");
            }
            as(TOKENS.finance()).get().uri("/api/deal-terms/{r}", referral).exchange().expectStatus().isNotFound();
        }

        @Test
        void onlyFinanceAgreesTermsAndOnlyFinanceAndOpsReadThem() {
            String referral = newId();
            as(TOKENS.ops()).put().uri("/api/deal-terms/{r}", referral).bodyValue(FEE).exchange()
                    .expectStatus().isForbidden();
            as(TOKENS.partner(newId())).put().uri("/api/deal-terms/{r}", referral).bodyValue(FEE).exchange()
                    .expectStatus().isForbidden();
            as(TOKENS.finance()).put().uri("/api/deal-terms/{r}", referral).bodyValue(FEE).exchange()
                    .expectStatus().isOk();
            as(TOKENS.partner(newId())).get().uri("/api/deal-terms/{r}", referral).exchange()
                    .expectStatus().isForbidden();
            web.get().uri("/api/deal-terms/{r}", referral).exchange().expectStatus().isUnauthorized();
        }

        @Test
        void aReferralWithoutAgreedTermsIsA404() {
            as(TOKENS.finance()).get().uri("/api/deal-terms/{r}", newId()).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType("application/problem+json");
        }
    }

    @Nested
    class AtAndAfterTheContract {

        /** COMMISSIONS.md "Per-deal terms": fee 1,000.00 EUR on 9,000.00 EUR paid in three 3,000.00. */
        @Test
        void theWorkedFinderFeeExampleEarns_333_33_then_333_34_then_333_33_andTheTermsAreThenLocked() {
            String partner = newId();
            String referral = newId();
            as(TOKENS.finance()).put().uri("/api/deal-terms/{r}", referral).bodyValue(FEE).exchange()
                    .expectStatus().isOk();
            referralService.contractSigned(referral, partner, "9000.00", "EUR", 1);
            referralService.paymentReceived(referral, partner, "3000.00", "3000.00", "EUR", "2026-11-10");
            referralService.paymentReceived(referral, partner, "3000.00", "6000.00", "EUR", "2026-11-15");
            referralService.paymentReceived(referral, partner, "3000.00", "9000.00", "EUR", "2026-11-20");

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(TOKENS.partner(partner)).get()
                    .uri("/api/commissions?referralId={r}", referral).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.items[*].amount.amount").isEqualTo(List.of("333.33", "333.34", "333.33"))
                    .jsonPath("$.items[0].explanation").isEqualTo("finder's fee 1,000.00 EUR agreed for this deal, "
                            + "3,000.00 of 9,000.00 EUR received (a 3,000.00 EUR payment received 2026-11-10)")
                    .jsonPath("$.items[2].explanation").isEqualTo("finder's fee 1,000.00 EUR agreed for this deal, "
                            + "9,000.00 of 9,000.00 EUR received (a 3,000.00 EUR payment received 2026-11-20)"));

            as(TOKENS.finance()).put().uri("/api/deal-terms/{r}", referral)
                    .bodyValue(Map.of("rate", "0.50", "reason", "too late")).exchange()
                    .expectStatus().isEqualTo(409)
                    .expectHeader().contentType("application/problem+json")
                    .expectBody().jsonPath("$.type").isEqualTo("https://docs.rapport.example/problems/terms-locked");
            as(TOKENS.finance()).get().uri("/api/deal-terms/{r}", referral).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.flatFee.amount").isEqualTo("1000.00")
                    .jsonPath("$.locked").isEqualTo(true);
        }

        @Test
        void termsForAReferralSignedWithoutThemAreRefusedAsLocked() {
            String partner = newId();
            String referral = newId();
            referralService.contractSigned(referral, partner, "1000.00", "EUR", 1);
            referralService.paymentReceived(referral, partner, "1000.00", "1000.00", "EUR", "2026-11-10");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(TOKENS.finance()).get()
                    .uri("/api/commissions?referralId={r}", referral).exchange()
                    .expectBody().jsonPath("$.total").isEqualTo(1));

            as(TOKENS.finance()).put().uri("/api/deal-terms/{r}", referral).bodyValue(FEE).exchange()
                    .expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.type").isEqualTo("https://docs.rapport.example/problems/terms-locked");
            as(TOKENS.finance()).get().uri("/api/deal-terms/{r}", referral).exchange().expectStatus().isNotFound();
        }
    }
}
