package com.rapport.referral.referral;

import com.rapport.events.money.InvalidMoneyException;
import com.rapport.events.money.Money;
import com.rapport.referral.referral.numbering.ContractNumbering;
import com.rapport.support.domain.CommandRefused;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockito.ArgumentCaptor;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The command side of signing: the stored referral (a real event store, in memory) is asked whether it may be signed
 * and by whom, before any contract number is taken; the numbers travel in the command.
 */
class ContractSigningTest {

    private static final ReferralId REFERRAL = new ReferralId("referral-1");
    private static final PartnerId PARTNER = new PartnerId("partner-a");
    private static final PartnerId CO = new PartnerId("partner-b");
    private static final ReferredClient CLIENT = new ReferredClient("Acme Ltd", "Li Wei", "li@acme.example");
    private static final Instant SIGNED_AT = Instant.parse("2026-11-01T10:00:00Z");
    private static final Money CONTRACT_VALUE = Money.of("10000.00", "EUR");

    private EmbeddedEventStore eventStore;
    /** Numbers taken, per partner; CO has signed four contracts before. */
    private Map<PartnerId, List<ReferralId>> numbered;
    private CommandGateway commands;
    private ContractSigning signing;

    @BeforeEach
    void setUp() {
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        numbered = new HashMap<>();
        numbered.put(CO, new ArrayList<>(List.of(new ReferralId("a"), new ReferralId("b"), new ReferralId("c"),
                new ReferralId("d"))));
        // as MongoContractNumbering: the next number, or the one this referral already has
        ContractNumbering numbering = new ContractNumbering() {
            @Override
            public int numberFor(PartnerId partner, ReferralId referral) {
                List<ReferralId> referrals = numbered.computeIfAbsent(partner, any -> new ArrayList<>());
                if (!referrals.contains(referral)) {
                    referrals.add(referral);
                }
                return referrals.indexOf(referral) + 1;
            }

            @Override
            public void giveBack(PartnerId partner, ReferralId referral) {
                List<ReferralId> referrals = numbered.get(partner);
                if (referrals != null && !referrals.isEmpty() && referrals.get(referrals.size() - 1).equals(referral)) {
                    referrals.remove(referrals.size() - 1);
                }
            }
        };
        commands = mock(CommandGateway.class);
        doReturn(CompletableFuture.completedFuture(null)).when(commands).send(any());
        signing = new ContractSigning(new ReferralReplay(eventStore), numbering, commands);
    }

    private void stored(Object... events) {
        for (int i = 0; i < events.length; i++) {
            storedAt(i, events[i]);
        }
    }

    private void storedAt(long sequence, Object event) {
        eventStore.publish(new GenericDomainEventMessage<>("Referral", REFERRAL.value(), sequence, event));
    }

    private Object sent() {
        ArgumentCaptor<Object> command = ArgumentCaptor.forClass(Object.class);
        verify(commands).send(command.capture());
        return command.getValue();
    }

    private static List<Object> history(ReferralStatus status) {
        List<Object> events = new ArrayList<>(List.of(new ReferralSubmitted(REFERRAL, PARTNER, CLIENT, "d", null)));
        switch (status) {
            case SUBMITTED -> {
            }
            case QUALIFIED -> events.add(new ReferralQualified(REFERRAL, PARTNER));
            case CONTRACTED -> events.addAll(List.of(new ReferralQualified(REFERRAL, PARTNER),
                    new ContractSigned(REFERRAL, PARTNER, CONTRACT_VALUE, SIGNED_AT, 1)));
            case REJECTED -> events.add(new ReferralRejected(REFERRAL, PARTNER, "no"));
            case LOST -> events.add(new ReferralLost(REFERRAL, PARTNER, "gone", ReferralStatus.SUBMITTED));
            default -> throw new IllegalArgumentException("not used here: " + status);
        }
        return events;
    }

    @Nested
    class Numbering {

        @Test
        void everyCoIntroducerGetsItsNextNumberAndTheNumbersAreSentWithTheCommand() {
            List<Object> events = history(ReferralStatus.QUALIFIED);
            events.add(new CreditSplit(REFERRAL, PARTNER, List.of(new IntroducerShare(PARTNER, new BigDecimal("0.6")),
                    new IntroducerShare(CO, new BigDecimal("0.4")))));
            stored(events.toArray());
            SignContract asked = new SignContract(REFERRAL, CONTRACT_VALUE, SIGNED_AT);
            signing.sign(asked).block();
            assertThat(sent()).isEqualTo(asked.numbered(Map.of(PARTNER, 1, CO, 5)));
        }

        @Test
        void aSigningRefusedBecauseTheReferralWasLostMeanwhileGivesItsNumberBack() {
            stored(history(ReferralStatus.QUALIFIED).toArray());
            doAnswer(invocation -> {
                // lost by someone else between the numbering and the command
                storedAt(2, new ReferralLost(REFERRAL, PARTNER, "gone", ReferralStatus.QUALIFIED));
                return CompletableFuture.failedFuture(
                        new IllegalTransitionException(ReferralAction.SIGN_CONTRACT, ReferralStatus.LOST));
            }).when(commands).send(any());
            assertThatThrownBy(() -> signing.sign(new SignContract(REFERRAL, CONTRACT_VALUE, SIGNED_AT)).block())
                    .isInstanceOf(IllegalTransitionException.class);
            assertThat(numbered.get(PARTNER)).isEmpty();
        }

        @Test
        void aSigningThatFailedWhileTheReferralMayStillBeSignedKeepsItsNumberForTheRetry() {
            stored(history(ReferralStatus.QUALIFIED).toArray());
            doReturn(CompletableFuture.failedFuture(new IllegalStateException("event store away")))
                    .when(commands).send(any());
            assertThatThrownBy(() -> signing.sign(new SignContract(REFERRAL, CONTRACT_VALUE, SIGNED_AT)).block())
                    .hasMessageContaining("event store away");
            assertThat(numbered.get(PARTNER)).containsExactly(REFERRAL);
        }

        @Test
        void anUnknownReferralIsSentUnnumberedToBeAnsweredAsAnyUnknownReferral() {
            SignContract asked = new SignContract(new ReferralId("nothing"), CONTRACT_VALUE, SIGNED_AT);
            signing.sign(asked).block();
            assertThat(sent()).isEqualTo(asked);
            assertThat(numbered).containsOnlyKeys(CO);
        }
    }

    @Nested
    class ARefusedSigningTakesNoNumber {

        @ParameterizedTest
        @EnumSource(value = ReferralStatus.class, names = {"SUBMITTED", "CONTRACTED", "REJECTED", "LOST"})
        void fromAStatusThatDoesNotAllowIt(ReferralStatus status) {
            stored(history(status).toArray());
            assertThatThrownBy(() -> signing.sign(new SignContract(REFERRAL, CONTRACT_VALUE, SIGNED_AT)).block())
                    .isInstanceOf(IllegalTransitionException.class)
                    .extracting(error -> ((CommandRefused) error).properties().get("currentStatus"))
                    .isEqualTo(status.name());
            assertThat(numbered.get(PARTNER)).isNull();
            verifyNoInteractions(commands);
        }

        @Test
        void withANonPositiveContractValue() {
            stored(history(ReferralStatus.QUALIFIED).toArray());
            assertThatThrownBy(() -> signing.sign(new SignContract(REFERRAL, Money.of("0.00", "EUR"), SIGNED_AT))
                    .block())
                    .isInstanceOf(InvalidMoneyException.class);
            assertThat(numbered.get(PARTNER)).isNull();
            verifyNoInteractions(commands);
        }

        @Test
        void withAScheduleThatDoesNotAddUp() {
            stored(history(ReferralStatus.QUALIFIED).toArray());
            SignContract asked = new SignContract(REFERRAL, CONTRACT_VALUE, SIGNED_AT,
                    List.of(new Instalment("deposit", LocalDate.of(2026, 12, 1), Money.of("100.00", "EUR"))));
            assertThatThrownBy(() -> signing.sign(asked).block())
                    .isInstanceOf(CommandRefused.class)
                    .hasMessageContaining("add up to");
            assertThat(numbered.get(PARTNER)).isNull();
            verifyNoInteractions(commands);
        }
    }
}
