package com.rapport.commission.intake;

import com.rapport.commission.CommissionServiceTestBase;
import com.rapport.commission.partner.PartnerDirectory;
import com.rapport.events.CloudEvent;
import com.rapport.events.Topics;
import com.rapport.events.money.Money;
import com.rapport.events.referral.ContractSignedV1;
import com.rapport.events.referral.CreditShare;
import com.rapport.events.referral.PaymentReceivedV1;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking-skeleton journey of commission-service over real Kafka and MongoDB: referral events in, ledger and
 * summary out over HTTP, commission events out on Kafka.
 */
class CommissionIntakeIntegrationTest extends CommissionServiceTestBase {

    @Autowired
    PartnerDirectory partners;

    @Test
    void threePaymentsOfATenThousandEuroContractEarnExactlyOneThousandEvenWhenAnEventIsDeliveredTwice() {
        String partner = newId();
        String other = newId();
        String referral = newId();
        referralService.partnerRegistered(partner, "Partner A", null);
        referralService.partnerRegistered(other, "Partner B", null);
        referralService.referralSubmitted(referral, partner, "EUR");
        referralService.contractSigned(referral, partner, "10000.00", "EUR", 1);
        referralService.paymentReceived(referral, partner, "3333.33", "3333.33", "EUR", "2026-11-10");
        PaymentReceivedV1 second = referralService.paymentReceivedEvent(referral, partner, "3333.33", "6666.66",
                "EUR", "2026-11-15");
        String secondId = referralService.publish(second);
        referralService.publish(secondId, second);
        referralService.paymentReceived(referral, partner, "3333.34", "10000.00", "EUR", "2026-11-20");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(TOKENS.finance()).get()
                .uri("/api/commissions?referralId={r}", referral).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(3));

        as(TOKENS.partner(partner)).get().uri("/api/commissions?referralId={r}", referral).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(50)
                .jsonPath("$.items[*].amount.amount").isEqualTo(List.of("333.33", "333.34", "333.33"))
                .jsonPath("$.items[*].amount.currency").isEqualTo(List.of("EUR", "EUR", "EUR"))
                .jsonPath("$.items[*].type").isEqualTo(List.of("ACCRUAL", "ACCRUAL", "ACCRUAL"))
                .jsonPath("$.items[*].role").isEqualTo(List.of("INTRODUCER", "INTRODUCER", "INTRODUCER"))
                .jsonPath("$.items[0].rate").isEqualTo("0.10")
                .jsonPath("$.items[0].partnerId").isEqualTo(partner)
                .jsonPath("$.items[1].sourceEventId").isEqualTo(secondId)
                .jsonPath("$.items[*].payableAt").isEqualTo(List.of("2026-11-24", "2026-11-29", "2026-12-04"))
                .jsonPath("$.items[2].basis.amount").isEqualTo("3333.34")
                .jsonPath("$.items[2].explanation").isEqualTo("10% of a 3,333.34 EUR payment received 2026-11-20 "
                        + "(contract 10,000.00 EUR; tier 1: first 2 contracts)");

        as(TOKENS.partner(partner)).get().uri("/api/commissions/summary").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.partnerId").isEqualTo(partner)
                .jsonPath("$.currencies[0].currency").isEqualTo("EUR")
                .jsonPath("$.currencies[0].accrued.amount").isEqualTo("1000.00")
                .jsonPath("$.currencies[0].reversed.amount").isEqualTo("0.00")
                .jsonPath("$.currencies[0].paid.amount").isEqualTo("0.00")
                .jsonPath("$.currencies[0].balance.amount").isEqualTo("1000.00")
                // today is 2026-11-26: the first entry (payable 2026-11-24) is payable, the others still on hold
                .jsonPath("$.currencies[0].payable.amount").isEqualTo("333.33")
                .jsonPath("$.currencies[0].pending.amount").isEqualTo("666.67")
                .jsonPath("$.currencies[0].projected.amount").isEqualTo("0.00");

        // the other partner: 404 for the first partner's ledger, nothing for its referral
        as(TOKENS.partner(other)).get().uri("/api/commissions?partnerId={p}", partner).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json");
        as(TOKENS.partner(other)).get().uri("/api/commissions?referralId={r}", referral).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(0).jsonPath("$.items").isEmpty();
        as(TOKENS.partner(other)).get().uri("/api/commissions/summary?partnerId={p}", partner).exchange()
                .expectStatus().isNotFound();

        // commission-events carried one accrual per entry, keyed by the partner
        List<ConsumerRecord<String, byte[]>> accruals = KAFKA.read(Topics.COMMISSION_EVENTS,
                r -> partner.equals(r.key()) && fromThisService(r)
                        && "rapport.commission.accrued.v1".equals(KAFKA.envelope(r).type()),
                3, Duration.ofSeconds(30));
        Set<String> amounts = accruals.stream().map(KAFKA::envelope)
                .map(CloudEvent::data).map(d -> d.get("amount").get("amount").asText()).collect(Collectors.toSet());
        assertThat(accruals.stream().map(r -> KAFKA.envelope(r).id()).distinct()).hasSize(3);
        assertThat(amounts).containsExactlyInAnyOrder("333.33", "333.34");
        assertThat(KAFKA.read(Topics.COMMISSION_EVENTS, r -> partner.equals(r.key()) && fromThisService(r)
                && "rapport.commission.rate-locked.v1".equals(KAFKA.envelope(r).type()), 1,
                Duration.ofSeconds(30))).hasSize(1);
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheNextRecordIsStillProcessed() {
        String partner = newId();
        String referral = newId();
        referralService.partnerRegistered(partner, "Partner C", null);
        KAFKA.send(Topics.REFERRAL_EVENTS, referral, "{not a cloud event".getBytes(StandardCharsets.UTF_8));
        referralService.contractSigned(referral, partner, "500.00", "EUR", 1);
        referralService.paymentReceived(referral, partner, "500.00", "500.00", "EUR", "2026-11-20");

        List<ConsumerRecord<String, byte[]>> deadLetters = KAFKA.read(
                Topics.deadLetterTopicOf(Topics.REFERRAL_EVENTS), r -> referral.equals(r.key()), 1,
                Duration.ofSeconds(60));
        assertThat(deadLetters).isNotEmpty();
        assertThat(new String(deadLetters.get(0).headers().lastHeader(Topics.DEAD_LETTER_REASON_HEADER).value(),
                StandardCharsets.UTF_8)).contains("not a CloudEvent");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(TOKENS.ops()).get()
                .uri("/api/commissions?referralId={r}", referral).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].amount.amount").isEqualTo(List.of("50.00")));
    }

    @Test
    void contractsWhosePartnersAreNeverRegisteredHereLockTheParentsOverrideFromTheSharesTheyCarry() {
        // issue 9: the contract-signed event names each introducer's parent, so nothing waits for a registration
        // (keyed by partner, on another partition) and the override is locked with the contract
        String parent = newId();
        List<String> partners = new ArrayList<>();
        List<String> referrals = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String partner = newId();
            String referral = newId();
            referralService.publish(new ContractSignedV1(referral, partner, Money.of("2000.00", "EUR"),
                    Instant.parse("2026-11-02T09:00:00Z"), 1, List.of(new CreditShare(partner, BigDecimal.ONE,
                    parent, "en", "late@example.com", "Partner Late", 1))));
            referralService.paymentReceived(referral, partner, "2000.00", "2000.00", "EUR", "2026-11-20");
            partners.add(partner);
            referrals.add(referral);
        }

        for (String partner : partners) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(TOKENS.partner(partner)).get()
                    .uri("/api/commissions").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.items[*].amount.amount").isEqualTo(List.of("200.00")));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(TOKENS.partner(parent)).get()
                .uri("/api/commissions").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].amount.amount")
                .isEqualTo(List.of("40.00", "40.00", "40.00", "40.00", "40.00", "40.00"))
                .jsonPath("$.items[0].explanation").isEqualTo("2% override on a 2,000.00 EUR payment received "
                        + "2026-11-20 from a client of Partner Late, a partner you introduced (contract 2,000.00 EUR)"));
        assertThat(KAFKA.read(Topics.deadLetterTopicOf(Topics.REFERRAL_EVENTS),
                r -> referrals.contains(r.key()), 1, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void anOldContractEventWithoutSharesCreditsItsPartnerWithTheParentTheDirectoryKnows() {
        String parent = newId();
        String partner = newId();
        String referral = newId();
        referralService.partnerRegistered(partner, "Partner Old", parent);
        await().atMost(Duration.ofSeconds(30)).until(() -> partnerKnown(partner));
        referralService.contractSigned(referral, partner, "1000.00", "EUR", 1);
        referralService.paymentReceived(referral, partner, "1000.00", "1000.00", "EUR", "2026-11-20");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(TOKENS.finance()).get()
                .uri("/api/commissions?referralId={r}", referral).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[?(@.partnerId=='%s')].amount.amount", partner).isEqualTo(List.of("100.00"))
                .jsonPath("$.items[?(@.partnerId=='%s')].amount.amount", parent).isEqualTo(List.of("20.00")));
    }

    @Test
    void callsWithoutATokenOrWithTheWrongRoleAreRefused() {
        web.get().uri("/api/commissions").exchange().expectStatus().isUnauthorized();
        as(TOKENS.ops()).get().uri("/api/commissions/summary?partnerId={p}", newId()).exchange()
                .expectStatus().isForbidden();
        as(TOKENS.finance()).get().uri("/api/commissions/summary").exchange().expectStatus().isBadRequest();
        as(TOKENS.finance()).get().uri("/api/commissions?size=0").exchange().expectStatus().isBadRequest();
        web.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    private boolean partnerKnown(String partnerId) {
        return partners.lookUp(partnerId).isPresent();
    }

    private boolean fromThisService(ConsumerRecord<String, byte[]> record) {
        return ("/" + applicationName).equals(KAFKA.envelope(record).source());
    }
}
