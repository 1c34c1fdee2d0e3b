package com.rapport.referral.relay;

import com.rapport.events.EventType;
import com.rapport.events.IntegrationEvent;
import com.rapport.events.money.Money;
import com.rapport.events.referral.ContractAmendedV1;
import com.rapport.events.referral.ContractSignedV1;
import com.rapport.events.referral.CreditShare;
import com.rapport.events.referral.CreditSplitV1;
import com.rapport.events.referral.FollowOnOpenedV1;
import com.rapport.events.referral.PartnerUpdatedV1;
import com.rapport.events.referral.PartnerRegisteredV1;
import com.rapport.events.referral.PaymentReceivedV1;
import com.rapport.events.referral.ReferralLostV1;
import com.rapport.events.referral.ReferralReassignedV1;
import com.rapport.events.referral.ReferralSubmittedV1;
import com.rapport.support.id.PartnerId;
import com.rapport.referral.partner.PartnerRegistered;
import com.rapport.referral.partner.PartnerUpdated;
import com.rapport.referral.referral.ContractAmended;
import com.rapport.referral.referral.CreditSplit;
import com.rapport.referral.referral.FollowOnOpened;
import com.rapport.referral.referral.Instalment;
import com.rapport.referral.referral.IntroducerShare;
import com.rapport.referral.referral.ScheduleSet;
import com.rapport.referral.referral.ContractSigned;
import com.rapport.referral.referral.MilestoneReached;
import com.rapport.referral.referral.PaymentKind;
import com.rapport.referral.referral.PaymentReceived;
import com.rapport.referral.referral.ReferralCompleted;
import com.rapport.referral.referral.ReferralDelivered;
import com.rapport.referral.referral.ReferralEvent;
import com.rapport.support.id.ReferralId;
import com.rapport.referral.referral.ReferralLost;
import com.rapport.referral.referral.ReferralQualified;
import com.rapport.referral.referral.ReferralQuoted;
import com.rapport.referral.referral.ReferralReassigned;
import com.rapport.referral.referral.ReferralRejected;
import com.rapport.referral.referral.ReferralStatus;
import com.rapport.referral.referral.ReferralSubmitted;
import com.rapport.referral.referral.ReferredClient;
import com.rapport.referral.referral.RefundIssued;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class IntegrationEventMapperTest {

    private static final ReferralId REFERRAL = new ReferralId("r-1");
    private static final PartnerId PARTNER = new PartnerId("p-1");
    private static final Instant AT = Instant.parse("2026-11-20T10:15:30Z");
    private static final Money EUR_100 = Money.of("100.00", "EUR");

    private final IntegrationEventMapper mapper = new IntegrationEventMapper();

    /** One instance of every internal referral event, with the contract type it must become. */
    private static final Map<ReferralEvent, EventType> EVERY_REFERRAL_EVENT = Map.ofEntries(
            entry(new ReferralSubmitted(REFERRAL, PARTNER, new ReferredClient("Acme", "Li", "li@acme.example"), "d",
                    EUR_100), EventType.REFERRAL_SUBMITTED),
            entry(new ReferralQualified(REFERRAL, PARTNER), EventType.REFERRAL_QUALIFIED),
            entry(new ReferralRejected(REFERRAL, PARTNER, "r"), EventType.REFERRAL_REJECTED),
            entry(new ReferralQuoted(REFERRAL, PARTNER, EUR_100), EventType.REFERRAL_QUOTED),
            entry(new ContractSigned(REFERRAL, PARTNER, EUR_100, AT, 3), EventType.CONTRACT_SIGNED),
            entry(new MilestoneReached(REFERRAL, PARTNER, "m", null), EventType.MILESTONE_REACHED),
            entry(new PaymentReceived(REFERRAL, PARTNER, "pay", EUR_100, PaymentKind.FINAL, AT, EUR_100),
                    EventType.PAYMENT_RECEIVED),
            entry(new RefundIssued(REFERRAL, PARTNER, "ref", EUR_100, "r", AT, Money.of("0", "EUR")),
                    EventType.REFUND_ISSUED),
            entry(new ReferralDelivered(REFERRAL, PARTNER), EventType.REFERRAL_DELIVERED),
            entry(new ReferralCompleted(REFERRAL, PARTNER), EventType.REFERRAL_COMPLETED),
            entry(new ReferralLost(REFERRAL, PARTNER, "r", ReferralStatus.QUOTED), EventType.REFERRAL_LOST),
            entry(new ReferralReassigned(REFERRAL, new PartnerId("p-2"), PARTNER, "r"),
                    EventType.REFERRAL_REASSIGNED),
            entry(new ContractAmended(REFERRAL, PARTNER, "a-1", EUR_100, Money.of("200.00", "EUR"), "more", AT),
                    EventType.CONTRACT_AMENDED),
            entry(new ScheduleSet(REFERRAL, PARTNER, List.of(new Instalment("deposit", LocalDate.of(2027, 1, 15),
                    EUR_100))), EventType.SCHEDULE_SET),
            entry(new CreditSplit(REFERRAL, PARTNER, List.of(new IntroducerShare(PARTNER, new BigDecimal("0.6")),
                    new IntroducerShare(new PartnerId("p-2"), new BigDecimal("0.4")))), EventType.CREDIT_SPLIT),
            entry(new FollowOnOpened(REFERRAL, PARTNER, new ReferralId("r-0"),
                    new ReferredClient("Acme", "Li", "li@acme.example"), "more work", null,
                    IntroducerShare.whole(PARTNER)), EventType.FOLLOW_ON_OPENED));

    @Test
    void everyKindOfReferralEventBecomesItsContractTypeKeyedByTheReferral() {
        Set<Class<?>> covered = EVERY_REFERRAL_EVENT.keySet().stream().map(Object::getClass)
                .collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrder(ReferralEvent.class.getPermittedSubclasses());
        EVERY_REFERRAL_EVENT.forEach((event, type) -> {
            IntegrationEvent published = mapper.toIntegrationEvent(event);
            assertThat(EventType.of(published)).as(event.getClass().getSimpleName()).isEqualTo(type);
            assertThat(published.subject()).isEqualTo(REFERRAL.value());
        });
    }

    @Test
    void aPartnerRegistrationIsKeyedByThePartner() {
        IntegrationEvent published = mapper.toIntegrationEvent(
                new PartnerRegistered(PARTNER, "Ada", "ada@x.example", "fr", new PartnerId("parent")));
        assertThat(published).isEqualTo(new PartnerRegisteredV1("p-1", "Ada", "ada@x.example", "fr", "parent"));
        assertThat(published.subject()).isEqualTo("p-1");
    }

    @Test
    void theContractSignatureCarriesThePartnersContractNumber() {
        assertThat(mapper.toIntegrationEvent(new ContractSigned(REFERRAL, PARTNER, EUR_100, AT, 3)))
                .isEqualTo(new ContractSignedV1("r-1", "p-1", EUR_100, AT, 3));
    }

    @Test
    void aPaymentCarriesItsNetCash() {
        PaymentReceivedV1 published = (PaymentReceivedV1) mapper.toIntegrationEvent(
                new PaymentReceived(REFERRAL, PARTNER, "pay", EUR_100, PaymentKind.DEPOSIT, AT,
                        Money.of("250.00", "EUR")));
        assertThat(published.netCash()).isEqualTo(Money.of("250.00", "EUR"));
        assertThat(published.kind()).isEqualTo(com.rapport.events.referral.PaymentKind.DEPOSIT);
    }

    @Test
    void aLossNamesTheStatusItHappenedIn() {
        assertThat(((ReferralLostV1) mapper.toIntegrationEvent(
                new ReferralLost(REFERRAL, PARTNER, "gone", ReferralStatus.CONTRACTED))).lostAtStatus())
                .isEqualTo("CONTRACTED");
    }

    @Test
    void aReassignmentNamesTheNewAndThePreviousPartner() {
        assertThat(mapper.toIntegrationEvent(new ReferralReassigned(REFERRAL, new PartnerId("p-2"), PARTNER, "r")))
                .isEqualTo(new ReferralReassignedV1("r-1", "p-2", "p-1", "r"));
    }

    @Test
    void theSubmissionCarriesTheClient() {
        ReferralSubmittedV1 published = (ReferralSubmittedV1) mapper.toIntegrationEvent(
                new ReferralSubmitted(REFERRAL, PARTNER, new ReferredClient("Acme", "Li", "li@acme.example"), "d",
                        null));
        assertThat(published.client().company()).isEqualTo("Acme");
        assertThat(published.client().contactEmail()).isEqualTo("li@acme.example");
        assertThat(published.estimatedValue()).isNull();
    }

    @Test
    void aPartnerUpdateCarriesTheValuesAfterTheChangeKeyedByThePartner() {
        IntegrationEvent published = mapper.toIntegrationEvent(
                new PartnerUpdated(PARTNER, "Ada L.", "ada@y.example", "zh"));
        assertThat(published).isEqualTo(new PartnerUpdatedV1("p-1", "Ada L.", "ada@y.example", "zh"));
        assertThat(published.subject()).isEqualTo("p-1");
    }

    @Test
    void anAmendmentCarriesTheDeltaAndTheValueAfterIt() {
        assertThat(mapper.toIntegrationEvent(new ContractAmended(REFERRAL, PARTNER, "a-1",
                Money.of("-40.00", "EUR"), Money.of("60.00", "EUR"), "smaller", AT)))
                .isEqualTo(new ContractAmendedV1("r-1", "p-1", "a-1", Money.of("-40.00", "EUR"),
                        Money.of("60.00", "EUR"), "smaller", AT, List.of()));
    }

    @Test
    void aSplitNamesEveryShareEvenWithoutPartnerDetails() {
        CreditSplitV1 published = (CreditSplitV1) mapper.toIntegrationEvent(new CreditSplit(REFERRAL, PARTNER,
                List.of(new IntroducerShare(PARTNER, new BigDecimal("0.60")),
                        new IntroducerShare(new PartnerId("p-2"), new BigDecimal("0.40")))));
        assertThat(published.shares()).extracting(CreditShare::partnerId, CreditShare::share)
                .containsExactly(tuple("p-1", new BigDecimal("0.60")), tuple("p-2", new BigDecimal("0.40")));
    }

    @Test
    void aFollowOnNamesTheReferralItFollows() {
        FollowOnOpenedV1 published = (FollowOnOpenedV1) mapper.toIntegrationEvent(new FollowOnOpened(
                new ReferralId("r-2"), PARTNER, REFERRAL, new ReferredClient("Acme", "Li", "li@acme.example"),
                "phase two", Money.of("500.00", "EUR"), IntroducerShare.whole(PARTNER)));
        assertThat(published.referralId()).isEqualTo("r-2");
        assertThat(published.followOnOf()).isEqualTo("r-1");
        assertThat(published.subject()).isEqualTo("r-2");
        assertThat(published.shares()).extracting(CreditShare::partnerId).containsExactly("p-1");
    }

    @Test
    void anUnknownEventIsRefusedRatherThanSkipped() {
        assertThatThrownBy(() -> mapper.toIntegrationEvent("not an event"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyReferralContractTypeIsProduced() {
        List<EventType> referralTypes = Arrays.stream(EventType.values())
                .filter(type -> type.type().startsWith("rapport.referral."))
                .toList();
        assertThat(EVERY_REFERRAL_EVENT.values()).containsExactlyInAnyOrderElementsOf(referralTypes);
    }
}
