package com.rapport.notification.intake;

import com.rapport.events.Topics;
import com.rapport.events.commission.CommissionAccruedV1;
import com.rapport.events.commission.CommissionReversedV1;
import com.rapport.events.commission.CommissionRole;
import com.rapport.events.commission.PayoutPaidV1;
import com.rapport.events.commission.RateLockedV1;
import com.rapport.events.money.Money;
import com.rapport.events.referral.ContractSignedV1;
import com.rapport.events.referral.PaymentKind;
import com.rapport.events.referral.PaymentReceivedV1;
import com.rapport.events.referral.RefundIssuedV1;
import com.rapport.notification.IntegrationTest;
import com.rapport.notification.Mailbox;
import com.rapport.notification.TestPartner;
import com.rapport.support.id.ReferralId;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import com.rapport.notification.directory.CommissionFacts;
import com.rapport.notification.directory.ReferralDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Commission events: the introducer reads in its contract and payment notifications what they bring, the override
 * partner hears of its share, every paid partner of its payout; broken records go to {@code commission-events.dlt}.
 */
class CommissionNotificationsTest extends IntegrationTest {

    @Autowired
    private CommissionFacts commissions;

    @Autowired
    private ReferralDirectory referrals;

    private static final Instant SIGNED = Instant.parse("2026-11-20T10:00:00Z");
    private static final LocalDate PAYABLE = LocalDate.of(2026, 12, 5);

    @Test
    void contractAndPaymentNotificationsSayWhatTheyEarnAndTheOverridePartnerHearsOfItsShare() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        TestPartner parent = TestPartner.register("Quentin Parent", "en");
        TestPartner introducer = TestPartner.register("Paula Intro", "en", parent.partnerId());
        String client = "Commission Co " + run;
        String referral = introducer.refers(client);
        await().atMost(PATIENCE).until(() -> referrals.find(ReferralId.of(referral)).isPresent());

        // the rate is known before the contract is consumed: the contract says what it will bring
        KAFKA.publish(new RateLockedV1(referral, introducer.partnerId(), CommissionRole.INTRODUCER, "standard",
                1, new BigDecimal("0.10"), null));
        KAFKA.publish(new RateLockedV1(referral, parent.partnerId(), CommissionRole.OVERRIDE, "standard", 1,
                new BigDecimal("0.02"), null));
        await().atMost(PATIENCE).until(() -> commissions.rateLockOf(ReferralId.of(referral), introducer.id())
                .isPresent());
        KAFKA.publish(new ContractSignedV1(referral, introducer.partnerId(), Money.of("10000.00", "EUR"),
                SIGNED, 1));
        await().atMost(PATIENCE).until(() -> subjects(introducer).contains("Contract signed with " + client));

        String payment = UUID.randomUUID().toString();
        KAFKA.publish(accrued(referral, introducer.partnerId(), CommissionRole.INTRODUCER, "333.33", payment));
        KAFKA.publish(accrued(referral, parent.partnerId(), CommissionRole.OVERRIDE, "66.67", payment));
        await().atMost(PATIENCE).until(() -> commissions.introducerCommissionFrom(payment, introducer.id())
                .isPresent());
        KAFKA.publish(payment, new PaymentReceivedV1(referral, introducer.partnerId(), "p1",
                Money.of("3333.33", "EUR"), PaymentKind.DEPOSIT, SIGNED, Money.of("3333.33", "EUR")));
        KAFKA.publish(new PayoutPaidV1("batch-" + run, introducer.partnerId(), Money.of("333.33", "EUR")));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(subjects(introducer)).containsExactlyInAnyOrder(
                "Referral received: " + client, "Contract signed with " + client, "Payment received from " + client,
                "Commission paid: €333.33"));
        assertThat(text(introducer, "Contract signed")).contains(
                "At the rate of 10% locked for this contract, you can expect a commission of €1,000.00");
        assertThat(text(introducer, "Payment received")).contains(
                "This payment earns you a commission of €333.33, payable from December 5, 2026.");
        assertThat(text(introducer, "Commission paid")).contains("We have paid you €333.33 in commission.");
        await().atMost(PATIENCE).until(() -> parent.mailbox().messages().size() == 1);
        assertThat(text(parent, "Override commission earned: " + client)).contains(
                "override commission of €66.67 on a payment from " + client + ", a client introduced by Paula Intro");
        assertThat(notificationsOf(introducer, "rapport.commission.accrued.v1")).isEmpty();
        assertThat(notificationsOf(introducer, "rapport.commission.rate-locked.v1")).isEmpty();
    }

    @Test
    void aRateLockedAfterItsContractWasToldIsToldOnItsOwnOnce() {
        TestPartner introducer = TestPartner.register("Uma Quick", "en");
        String client = "Fast Follow Ltd " + UUID.randomUUID().toString().substring(0, 8);
        String referral = introducer.refers(client);
        KAFKA.publish(new ContractSignedV1(referral, introducer.partnerId(), Money.of("10000.00", "EUR"),
                SIGNED, 1));
        // nothing waits for the rate: the contract is told at once
        await().atMost(PATIENCE).until(() -> subjects(introducer).contains("Contract signed with " + client));
        String locked = KAFKA.publish(new RateLockedV1(referral, introducer.partnerId(),
                CommissionRole.INTRODUCER, "standard", 1, new BigDecimal("0.10"), Money.of("800.00", "EUR")));
        KAFKA.publish(locked, new RateLockedV1(referral, introducer.partnerId(), CommissionRole.INTRODUCER,
                "standard", 1, new BigDecimal("0.10"), Money.of("800.00", "EUR")));

        await().atMost(PATIENCE).until(() -> subjects(introducer).contains("Commission rate locked: " + client));
        assertThat(text(introducer, "Commission rate locked")).contains("The rate of 10% is locked for your contract "
                + "with " + client + ": you can expect a commission of €800.00 once the client has paid it in full.");
        assertThat(text(introducer, "Contract signed")).doesNotContain("expect a commission");
        assertThat(notificationsOf(introducer, "rapport.commission.rate-locked.v1")).hasSize(1);
    }

    @Test
    void aCommissionLearntAfterItsPaymentWasToldIsToldOnItsOwn() {
        TestPartner introducer = TestPartner.register("Rita Late", "en");
        String client = "Late Commission Ltd " + UUID.randomUUID().toString().substring(0, 8);
        String referral = introducer.refers(client);
        // no rate lock is known for this referral, so the payment is told at once
        String payment = KAFKA.publish(new PaymentReceivedV1(referral, introducer.partnerId(), "p1",
                Money.of("500.00", "EUR"), PaymentKind.FINAL, SIGNED, Money.of("500.00", "EUR")));
        await().atMost(PATIENCE).until(() -> subjects(introducer).contains("Payment received from " + client));

        KAFKA.publish(accrued(referral, introducer.partnerId(), CommissionRole.INTRODUCER, "50.00", payment));
        String refund = KAFKA.publish(new RefundIssuedV1(referral, introducer.partnerId(), "r1",
                Money.of("100.00", "EUR"), "Partial delivery", SIGNED, Money.of("400.00", "EUR")));
        await().atMost(PATIENCE).until(() -> subjects(introducer).contains("Refund issued to " + client));
        KAFKA.publish(new CommissionReversedV1(UUID.randomUUID().toString(), referral, introducer.partnerId(),
                CommissionRole.INTRODUCER, Money.of("-10.00", "EUR"), new BigDecimal("0.10"),
                Money.of("400.00", "EUR"), PAYABLE, "10% of a refund", refund));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(subjects(introducer)).contains(
                "Commission earned: " + client, "Commission reduced: " + client));
        assertThat(text(introducer, "Commission earned")).contains("commission of €50.00 on a payment from " + client);
        assertThat(text(introducer, "Commission reduced")).contains("your commission is reduced by €10.00");
        assertThat(text(introducer, "Payment received")).doesNotContain("commission");
    }

    @Test
    void aContractWhoseRateDoesNotComeIsToldWithoutIt() {
        TestPartner introducer = TestPartner.register("Sven Patient", "en");
        String client = "No Plan AB " + UUID.randomUUID().toString().substring(0, 8);
        String referral = introducer.refers(client);
        KAFKA.publish(new ContractSignedV1(referral, introducer.partnerId(), Money.of("900.00", "EUR"), SIGNED, 2));

        await().atMost(PATIENCE).until(() -> subjects(introducer).contains("Contract signed with " + client));
        assertThat(text(introducer, "Contract signed")).contains("worth €900.00", "number 2")
                .doesNotContain("expect a commission");
    }

    @Test
    void aBrokenCommissionRecordIsDeadLetteredAndTheNextOneIsStillTold() {
        TestPartner partner = TestPartner.register("Tom Payout", "en");
        KAFKA.send(Topics.COMMISSION_EVENTS, partner.partnerId(),
                "{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"rapport.commission.bonus.v9\",\"data\":{}}"
                        .getBytes(StandardCharsets.UTF_8));
        KAFKA.publish(new PayoutPaidV1("batch-" + UUID.randomUUID(), partner.partnerId(),
                Money.of("120000", "JPY")));

        await().atMost(PATIENCE).until(() -> subjects(partner).contains("Commission paid: ¥120,000"));
        ConsumerRecord<String, byte[]> deadLetter = KAFKA.first(
                Topics.deadLetterTopicOf(Topics.COMMISSION_EVENTS), partner.partnerId(), PATIENCE).orElseThrow();
        assertThat(new String(deadLetter.headers().lastHeader(Topics.DEAD_LETTER_REASON_HEADER).value(),
                StandardCharsets.UTF_8)).contains("unknown event type or version: rapport.commission.bonus.v9");
    }

    private static CommissionAccruedV1 accrued(String referral, String partnerId, CommissionRole role, String amount,
                                               String sourceEventId) {
        return new CommissionAccruedV1(UUID.randomUUID().toString(), referral, partnerId, role,
                Money.of(amount, "EUR"), new BigDecimal(role == CommissionRole.INTRODUCER ? "0.10" : "0.02"),
                Money.of("3333.33", "EUR"), PAYABLE, "a share of a payment", sourceEventId);
    }

    private static java.util.List<String> subjects(TestPartner partner) {
        return partner.mailbox().messages().stream().map(Mailbox::subject).toList();
    }

    private static String text(TestPartner partner, String subjectStart) {
        MimeMessage mail = partner.mailbox().messages().stream()
                .filter(m -> Mailbox.subject(m).startsWith(subjectStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no email '" + subjectStart + "' in " + subjects(partner)));
        return Mailbox.plainText(mail);
    }
}
