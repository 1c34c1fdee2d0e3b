package com.rapport.notification.intake;

import com.rapport.events.EventType;
import com.rapport.events.commission.CommissionAccruedV1;
import com.rapport.events.commission.CommissionAdjustedV1;
import com.rapport.events.commission.DisputeResolvedV1;
import com.rapport.events.commission.InvoiceIssuedV1;
import com.rapport.events.referral.Client;
import com.rapport.events.referral.ContractAmendedV1;
import com.rapport.events.referral.FollowOnOpenedV1;
import com.rapport.events.referral.ScheduleSetV1;
import com.rapport.events.referral.ScheduledInstalment;
import com.rapport.notification.message.Percent;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import org.junit.jupiter.api.Nested;
import com.rapport.events.commission.CommissionReversedV1;
import com.rapport.events.commission.CommissionRole;
import com.rapport.events.commission.PayoutPaidV1;
import com.rapport.events.money.Money;
import com.rapport.events.referral.ContractSignedV1;
import com.rapport.events.referral.MilestoneReachedV1;
import com.rapport.events.referral.PaymentKind;
import com.rapport.events.referral.PaymentReceivedV1;
import com.rapport.events.referral.ReferralLostV1;
import com.rapport.events.referral.RefundIssuedV1;
import com.rapport.notification.directory.IntroducerCommission;
import com.rapport.notification.directory.RateLock;
import com.rapport.notification.message.Addressee;
import com.rapport.notification.message.Language;
import com.rapport.notification.message.Message;
import com.rapport.notification.message.MessageRenderer;
import com.rapport.notification.message.Bundles;
import com.rapport.notification.message.RenderedMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message the service can send, for every event type, in English, French and Chinese: every key present in
 * every bundle, every placeholder filled, amounts and dates written the way each language writes them.
 */
class EventTemplatesTest {

    /** Event types that deliberately tell nobody (see CommissionEventIntake and ReferralEventIntake). */
    private static final Set<EventType> SILENT = EnumSet.of(EventType.PARTNER_REGISTERED, EventType.PARTNER_UPDATED,
            EventType.PAYOUT_CREATED, EventType.PAYOUT_CANCELLED);
    /** Commission events about no referral: their messages name no client. */
    private static final Set<EventType> WITHOUT_CLIENT = EnumSet.of(EventType.PAYOUT_PAID, EventType.ENTRY_HELD,
            EventType.ENTRY_RELEASED, EventType.DISPUTE_OPENED, EventType.DISPUTE_RESOLVED, EventType.INVOICE_ISSUED,
            EventType.COMMISSION_ADJUSTED);

    private static final String CLIENT = "Acme Ltd";
    private static final String REFERRAL = "r-1";
    private static final String PARTNER = "p-1";
    private static final ReferralId REFERRAL_ID = ReferralId.of(REFERRAL);
    private static final PartnerId PARTNER_ID = PartnerId.of(PARTNER);
    private static final Instant NOV_20 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Money PAYMENT = Money.of("3333.33", "EUR");
    private static final String NARROW_NBSP = "\u202f";
    private static final String NBSP = "\u00a0";

    private final MessageRenderer renderer = new MessageRenderer(Bundles.asConfigured());

    /** Each told event type with every variant of its message (with and without the optional paragraphs). */
    static Map<EventType, List<Message>> everyMessage() {
        ContractSignedV1 signed = new ContractSignedV1(REFERRAL, PARTNER, Money.of("10000.00", "EUR"), NOV_20, 3);
        RateLock lock = RateLock.of(REFERRAL_ID, PARTNER_ID, new BigDecimal("0.12"), Money.of("1000.00", "EUR"));
        EventMessages.Expectation expected = new EventMessages.Expectation(new Percent(lock.rateValue()),
                lock.expectedOn(signed.contractValue()));
        PaymentReceivedV1 paid = new PaymentReceivedV1(REFERRAL, PARTNER, "pay-1", PAYMENT, PaymentKind.DEPOSIT,
                NOV_20, Money.of("6666.66", "EUR"));
        IntroducerCommission earned = IntroducerCommission.of("e-1", REFERRAL_ID, PARTNER_ID, Money.of("333.33", "EUR"),
                LocalDate.of(2026, 12, 4));
        RefundIssuedV1 refund = new RefundIssuedV1(REFERRAL, PARTNER, "ref-1", PAYMENT, "Scope reduced", NOV_20,
                Money.of("3333.33", "EUR"));
        IntroducerCommission reversed = IntroducerCommission.of("e-2", REFERRAL_ID, PARTNER_ID,
                Money.of("-333.33", "EUR"), null);
        CommissionAccruedV1 accrued = new CommissionAccruedV1("entry-1", REFERRAL, "q-1", CommissionRole.OVERRIDE,
                Money.of("66.67", "EUR"), new BigDecimal("0.02"), PAYMENT, LocalDate.of(2026, 12, 4),
                "2% of a payment", "e-1");
        CommissionReversedV1 reversal = new CommissionReversedV1("entry-2", REFERRAL, "q-1",
                CommissionRole.OVERRIDE, Money.of("-66.67", "EUR"), new BigDecimal("0.02"), PAYMENT,
                LocalDate.of(2026, 12, 4), "2% of a refund", "e-2");

        Map<EventType, List<Message>> messages = new EnumMap<>(EventType.class);
        messages.put(EventType.REFERRAL_SUBMITTED, List.of(EventMessages.submitted(CLIENT, Money.of("80000", "CNY")),
                EventMessages.submitted(CLIENT, null)));
        messages.put(EventType.REFERRAL_QUALIFIED, List.of(EventMessages.qualified(CLIENT)));
        messages.put(EventType.REFERRAL_REJECTED, List.of(EventMessages.rejected(CLIENT, "Out of our scope")));
        messages.put(EventType.REFERRAL_QUOTED, List.of(EventMessages.quoted(CLIENT, Money.of("12000.00", "EUR"))));
        messages.put(EventType.CONTRACT_SIGNED, List.of(
                EventMessages.contractSigned(CLIENT, signed, 3, Optional.of(expected)),
                EventMessages.contractSigned(CLIENT, signed, 3, Optional.empty())));
        messages.put(EventType.RATE_LOCKED, List.of(EventMessages.rateLocked(CLIENT, expected)));
        messages.put(EventType.CONTRACT_AMENDED, List.of(
                EventMessages.contractAmended(CLIENT, amended("12000.00")),
                EventMessages.contractAmended(CLIENT, amended("-2500.00"))));
        messages.put(EventType.SCHEDULE_SET, List.of(EventMessages.scheduleSet(CLIENT, new ScheduleSetV1(REFERRAL,
                PARTNER, List.of(new ScheduledInstalment("Deposit", LocalDate.of(2026, 12, 1),
                        Money.of("3000.00", "EUR")), new ScheduledInstalment("Balance", LocalDate.of(2027, 3, 1),
                        Money.of("7000.00", "EUR"))), List.of()))));
        messages.put(EventType.CREDIT_SPLIT, List.of(EventMessages.creditSplit(CLIENT, new BigDecimal("0.6"), 2)));
        messages.put(EventType.FOLLOW_ON_OPENED, List.of(
                EventMessages.followOnOpened(CLIENT, new FollowOnOpenedV1("r-2", PARTNER, REFERRAL,
                        new Client(CLIENT, "Li Wei", "li@acme.example"), "Phase 2", Money.of("5000.00", "EUR"),
                        List.of())),
                EventMessages.followOnOpened(CLIENT, new FollowOnOpenedV1("r-2", PARTNER, REFERRAL,
                        new Client(CLIENT, "Li Wei", "li@acme.example"), "Phase 2", null, List.of()))));
        CommissionAdjustedV1 adjusted = new CommissionAdjustedV1("entry-9", "adj-1", null, PARTNER, REFERRAL,
                Money.of("-50.00", "EUR"), "Double counted", "finance-2");
        messages.put(EventType.COMMISSION_ADJUSTED, List.of(
                EventMessages.adjusted(adjusted, Optional.of(CLIENT)),
                EventMessages.adjusted(adjusted, Optional.empty())));
        messages.put(EventType.ENTRY_HELD, List.of(EventMessages.entryHeld("Client disputes the invoice")));
        messages.put(EventType.ENTRY_RELEASED, List.of(EventMessages.entryReleased("Settled")));
        messages.put(EventType.DISPUTE_OPENED, List.of(EventMessages.disputeOpened()));
        messages.put(EventType.DISPUTE_RESOLVED, Stream.of("UPHELD", "DISMISSED").flatMap(outcome -> Stream.of(
                EventMessages.disputeResolved(new DisputeResolvedV1("d-1", "entry-1", PARTNER, outcome, "Checked")),
                EventMessages.disputeResolved(new DisputeResolvedV1("d-1", "entry-1", PARTNER, outcome, null))))
                .toList());
        messages.put(EventType.INVOICE_ISSUED, List.of(EventMessages.invoiceIssued(new InvoiceIssuedV1("SB-2026-0001",
                "batch-1", PARTNER, "EUR", Money.of("1000.00", "EUR"), Money.of("200.00", "EUR"),
                Money.of("1200.00", "EUR")))));
        messages.put(EventType.MILESTONE_REACHED, List.of(
                EventMessages.milestoneReached(CLIENT, new MilestoneReachedV1(REFERRAL, PARTNER, "Beta", "On time")),
                EventMessages.milestoneReached(CLIENT, new MilestoneReachedV1(REFERRAL, PARTNER, "Beta", null))));
        List<Message> payments = new ArrayList<>(List.of(
                EventMessages.paymentReceived(CLIENT, paid, Optional.of(earned)),
                EventMessages.paymentReceived(CLIENT, paid, Optional.empty())));
        Stream.of(PaymentKind.values()).forEach(kind -> payments.add(EventMessages.paymentReceived(CLIENT,
                new PaymentReceivedV1(REFERRAL, PARTNER, "p", PAYMENT, kind, NOV_20, PAYMENT), Optional.empty())));
        messages.put(EventType.PAYMENT_RECEIVED, payments);
        messages.put(EventType.REFUND_ISSUED, List.of(
                EventMessages.refundIssued(CLIENT, refund, Optional.of(reversed)),
                EventMessages.refundIssued(CLIENT, refund, Optional.empty())));
        messages.put(EventType.REFERRAL_DELIVERED, List.of(EventMessages.delivered(CLIENT)));
        messages.put(EventType.REFERRAL_COMPLETED, List.of(EventMessages.completed(CLIENT)));
        messages.put(EventType.REFERRAL_LOST, Stream.of("SUBMITTED", "QUALIFIED", "QUOTED", "CONTRACTED", "DELIVERED")
                .map(status -> EventMessages.lost(CLIENT, new ReferralLostV1(REFERRAL, PARTNER, "Budget cut", status)))
                .toList());
        messages.put(EventType.REFERRAL_REASSIGNED, List.of(EventMessages.reassignedToYou(CLIENT, "Duplicate"),
                EventMessages.reassignedAway(CLIENT, "Duplicate")));
        messages.put(EventType.COMMISSION_ACCRUED, List.of(
                EventMessages.commissionAccrued(CLIENT, accrued),
                EventMessages.overrideAccrued(CLIENT, "Alice Martin", accrued)));
        messages.put(EventType.COMMISSION_REVERSED, List.of(
                EventMessages.commissionReversed(CLIENT, reversal),
                EventMessages.overrideReversed(CLIENT, "Alice Martin", reversal)));
        messages.put(EventType.PAYOUT_PAID, List.of(
                EventMessages.payoutPaid(new PayoutPaidV1("batch-1", PARTNER, Money.of("1000.00", "EUR")))));
        return messages;
    }

    @Test
    void everyEventTypeIsToldOrDeliberatelySilent() {
        Set<EventType> covered = EnumSet.copyOf(everyMessage().keySet());
        covered.addAll(SILENT);

        assertThat(covered).containsExactlyInAnyOrder(EventType.values());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyMessageRendersCompletelyInEveryLanguage(Language language) {
        Addressee reader = new Addressee("Wang Fang", language, ZoneId.of("Europe/Paris"));
        everyMessage().forEach((type, messages) -> messages.forEach(message -> {
            RenderedMessage rendered = renderer.render(message, reader);
            List<String> texts = new ArrayList<>(rendered.paragraphs());
            texts.add(rendered.subject());
            assertThat(texts).as("%s in %s", message.key(), language).allSatisfy(text -> assertThat(text)
                    .isNotBlank().doesNotContain("{", "}", "null", "''"));
            if (!WITHOUT_CLIENT.contains(type)) {
                assertThat(rendered.subject() + rendered.body()).as("%s names its client", type).contains(CLIENT);
            }
            assertThat(rendered.paragraphs()).hasSize(1 + message.paragraphs().size());
        }));
        List<String> letter = renderer.letter(List.of("x"), reader);
        assertThat(letter.get(0)).contains("Wang Fang");
        assertThat(letter.get(2)).contains("Rapport");
    }

    @Test
    void everyLanguageHasEveryKeyAndNoOther() {
        Set<Object> english = bundle("messages/notifications.properties").keySet();

        assertThat(english).isNotEmpty();
        assertThat(bundle("messages/notifications_fr.properties").keySet()).isEqualTo(english);
        assertThat(bundle("messages/notifications_zh.properties").keySet()).isEqualTo(english);
    }

    @Test
    void amountsDatesAndRatesAreWrittenAsEachLanguageWritesThem() {
        Message payment = EventMessages.paymentReceived(CLIENT, new PaymentReceivedV1(REFERRAL, PARTNER, "p",
                PAYMENT, PaymentKind.DEPOSIT, NOV_20, Money.of("1000000.00", "EUR")), Optional.empty());
        ContractSignedV1 signed = new ContractSignedV1(REFERRAL, PARTNER, Money.of("100000", "JPY"), NOV_20, 6);
        RateLock lock = RateLock.of(REFERRAL_ID, PARTNER_ID, new BigDecimal("0.15"), null);
        Message contract = EventMessages.contractSigned(CLIENT, signed, 6, Optional.of(new EventMessages.Expectation(
                new Percent(lock.rateValue()), lock.expectedOn(signed.contractValue()))));

        assertThat(body(payment, Language.EN)).isEqualTo("Acme Ltd paid €3,333.33 (deposit) on November 20, 2026. "
                + "Received from this client so far: €1,000,000.00.");
        assertThat(body(payment, Language.FR)).isEqualTo("Acme Ltd a payé 3" + NARROW_NBSP + "333,33" + NBSP
                + "€ (acompte) le 20 novembre 2026. Total reçu de ce client à ce jour" + NBSP + ": 1" + NARROW_NBSP
                + "000" + NARROW_NBSP + "000,00" + NBSP + "€.");
        assertThat(body(payment, Language.ZH)).isEqualTo("Acme Ltd已于2026年11月20日支付€3,333.33（定金）。"
                + "迄今已从该客户收到：€1,000,000.00。");
        assertThat(renderer.render(contract, reader(Language.EN)).body())
                .contains("worth ¥100,000 on November 20, 2026", "number 6", "rate of 15% locked",
                        "commission of ¥15,000 once");
        assertThat(renderer.render(contract, reader(Language.FR)).body())
                .contains("100" + NARROW_NBSP + "000" + NBSP + "JPY", "taux de 15" + NBSP + "%",
                        "15" + NARROW_NBSP + "000" + NBSP + "JPY");
        assertThat(renderer.render(contract, reader(Language.ZH)).body())
                .contains("合同金额为JP¥100,000", "第6份", "15%佣金比例", "JP¥15,000的佣金");
    }

    @Nested
    class AnAmendedContract {

        @Test
        void saysByHowMuchTheProjectGrewInEachLanguage() {
            Message grew = EventMessages.contractAmended("Acme", amended("12000.00"));
            assertThat(body(grew, Language.EN)).isEqualTo("The Acme project grew by €12,000.00 on November 20, 2026. "
                    + "The contract is now worth €22,000.00. Reason: Change order 7");
            assertThat(body(grew, Language.FR)).startsWith("Le projet Acme a augmenté de 12" + NARROW_NBSP
                    + "000,00" + NBSP + "€ le 20 novembre 2026.");
            assertThat(body(grew, Language.ZH)).startsWith("Acme项目于2026年11月20日增加了€12,000.00。");
        }

        @Test
        void saysByHowMuchItShrankWithoutAMinusSign() {
            Message shrank = EventMessages.contractAmended("Acme", amended("-2500.00"));
            assertThat(body(shrank, Language.EN)).startsWith("The Acme project shrank by €2,500.00 on");
            assertThat(body(shrank, Language.FR)).startsWith("Le projet Acme a diminué de 2" + NARROW_NBSP
                    + "500,00" + NBSP + "€");
            assertThat(body(shrank, Language.ZH)).contains("减少了€2,500.00");
        }
    }

    @Nested
    class CommissionEventsWithoutAReferral {

        @Test
        void anInvoiceGivesItsAmountsInTheReadersFormat() {
            Message invoice = EventMessages.invoiceIssued(new InvoiceIssuedV1("SB-7", "b", PARTNER, "EUR",
                    Money.of("1000.00", "EUR"), Money.of("200.00", "EUR"), Money.of("1200.00", "EUR")));
            assertThat(body(invoice, Language.EN)).isEqualTo(
                    "We issued self-billing invoice SB-7 for your commission: €1,000.00 net, €200.00 VAT, "
                            + "€1,200.00 in total.");
            assertThat(body(invoice, Language.FR)).contains("1" + NARROW_NBSP + "200,00" + NBSP + "€ TTC");
        }

        @Test
        void aResolvedDisputeSaysItsOutcome() {
            Message dismissed = EventMessages.disputeResolved(new DisputeResolvedV1("d", "e", PARTNER, "DISMISSED",
                    "The payment was counted once"));
            assertThat(renderer.render(dismissed, reader(Language.EN)).subject()).isEqualTo("Dispute resolved: dismissed");
            assertThat(renderer.render(dismissed, reader(Language.FR)).body()).contains("rejetée",
                    "The payment was counted once");
            assertThat(renderer.render(dismissed, reader(Language.ZH)).subject()).isEqualTo("异议已处理：被驳回");
        }

        @Test
        void aCoIntroducersShareIsAPercentage() {
            Message split = EventMessages.creditSplit("Acme", new BigDecimal("0.6"), 2);
            assertThat(body(split, Language.EN)).isEqualTo(
                    "The credit for the referral of Acme is now shared between 2 partners. Your share is 60%.");
            assertThat(body(split, Language.FR)).endsWith("Votre part est de 60" + NBSP + "%.");
        }
    }

    @Test
    void aPartnerWhoseNameIsNotKnownYetIsGreetedWithoutIt() {
        assertThat(renderer.letter(List.of("x"), new Addressee(null, Language.FR, ZoneId.of("UTC"))).get(0))
                .isEqualTo("Bonjour,");
    }

    private static ContractAmendedV1 amended(String delta) {
        Money change = Money.of(delta, "EUR");
        return new ContractAmendedV1(REFERRAL, PARTNER, "am-1", change,
                Money.of("10000.00", "EUR").plus(change), "Change order 7", NOV_20, List.of());
    }

    @Test
    void apostrophesSurviveTheMessageFormat() {
        assertThat(body(EventMessages.submitted(CLIENT, null), Language.FR))
                .isEqualTo("Merci d'avoir recommandé Acme Ltd. Votre recommandation est enregistrée et notre équipe "
                        + "va l'examiner rapidement.");
    }

    @Test
    void theDigestCountsInEachLanguage() {
        LocalDate day = LocalDate.of(2026, 11, 20);

        assertThat(digestSubject(1, day, Language.EN)).isEqualTo("Your Rapport summary for November 20, 2026: 1 update");
        assertThat(digestSubject(3, day, Language.EN)).isEqualTo("Your Rapport summary for November 20, 2026: 3 updates");
        assertThat(digestSubject(3, day, Language.FR))
                .isEqualTo("Votre résumé Rapport du 20 novembre 2026" + NBSP + ": 3 nouvelles");
        assertThat(digestSubject(3, day, Language.ZH)).isEqualTo("您的 Rapport 每日摘要（2026年11月20日）：3 条更新");
    }

    private String digestSubject(int count, LocalDate day, Language language) {
        return renderer.text("digest.subject", List.of(count, day), reader(language));
    }

    private String body(Message message, Language language) {
        return renderer.render(message, reader(language)).paragraphs().get(0);
    }

    private static Addressee reader(Language language) {
        return new Addressee("Reader", language, ZoneId.of("UTC"));
    }

    private static Properties bundle(String path) {
        Properties properties = new Properties();
        try (InputStream in = EventTemplatesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
