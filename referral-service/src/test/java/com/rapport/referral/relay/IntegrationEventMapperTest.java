package com.rapport.referral.relay;

import com.rapport.events.EventType;
import com.rapport.events.IntegrationEvent;
import com.rapport.events.money.Money;
import com.rapport.events.referral.ContractSignedV1;
import com.rapport.events.referral.PartnerRegisteredV1;
import com.rapport.events.referral.PaymentReceivedV1;
import com.rapport.events.referral.ReferralLostV1;
import com.rapport.events.referral.ReferralReassignedV1;
import com.rapport.events.referral.ReferralSubmittedV1;
import com.rapport.referral.partner.PartnerId;
import com.rapport.referral.partner.PartnerRegistered;
import com.rapport.referral.referral.ContractSigned;
import com.rapport.referral.referral.MilestoneReached;
import com.rapport.referral.referral.PaymentKind;
import com.rapport.referral.referral.PaymentReceived;
import com.rapport.referral.referral.ReferralCompleted;
import com.rapport.referral.referral.ReferralDelivered;
import com.rapport.referral.referral.ReferralEvent;
import com.rapport.referral.referral.ReferralId;
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

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                    EventType.REFERRAL_REASSIGNED));

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
