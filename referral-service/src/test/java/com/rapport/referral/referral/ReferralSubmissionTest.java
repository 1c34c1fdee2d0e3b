package com.rapport.referral.referral;

import com.rapport.events.money.InvalidMoneyException;
import com.rapport.events.money.Money;
import com.rapport.referral.partner.RegisteredPartner;
import com.rapport.referral.partner.UnknownPartnerException;
import com.rapport.referral.referral.claim.DuplicateReferralException;
import com.rapport.referral.support.InMemoryClientClaims;
import com.rapport.support.domain.CommandRefused;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockito.ArgumentCaptor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * The command side of a new referral: the partner and the referral followed are looked up into the command, every
 * refusal comes before the client is claimed, and a claim whose referral was not stored after all is given back.
 * The command bus is a mock: what it is sent is what is checked.
 */
class ReferralSubmissionTest {

    private static final ReferralId REFERRAL = new ReferralId("referral-1");
    private static final ReferralId FOLLOW_ON = new ReferralId("referral-2");
    private static final PartnerId PARTNER = new PartnerId("partner-a");
    private static final PartnerId CLIENTS_OWN_PARTNER = new PartnerId("partner-li");
    private static final ReferredClient CLIENT = new ReferredClient("Acme Ltd", "Li Wei", "li@acme.example");
    private static final Map<PartnerId, RegisteredPartner> PARTNERS = Map.of(
            PARTNER, new RegisteredPartner(PARTNER, "a@partner.example"),
            CLIENTS_OWN_PARTNER, new RegisteredPartner(CLIENTS_OWN_PARTNER, "li@acme.example"));

    private final Map<ReferralId, FollowOnSource> sources = new HashMap<>();
    private final Set<ReferralId> stored = new HashSet<>();
    private InMemoryClientClaims claims;
    private CommandGateway commands;
    private ReferralSubmission submission;

    @BeforeEach
    void setUp() {
        claims = new InMemoryClientClaims();
        commands = mock(CommandGateway.class);
        submission = new ReferralSubmission(id -> Optional.ofNullable(PARTNERS.get(id)),
                id -> Optional.ofNullable(sources.get(id)), claims, stored::contains, commands);
    }

    private void commandsAreAccepted() {
        doReturn(CompletableFuture.completedFuture(null)).when(commands).send(any());
    }

    private void commandsFailWith(RuntimeException failure) {
        doReturn(CompletableFuture.failedFuture(failure)).when(commands).send(any());
    }

    private Object sent() {
        ArgumentCaptor<Object> command = ArgumentCaptor.forClass(Object.class);
        verify(commands).send(command.capture());
        return command.getValue();
    }

    @Nested
    class Submitting {

        @Test
        void aSubmissionClaimsTheClientAndIsSentWithThePartnerFound() {
            commandsAreAccepted();
            SubmitReferral asked = new SubmitReferral(REFERRAL, PARTNER, CLIENT, "Mini-program", null);
            submission.submit(asked).block();
            assertThat(sent()).isEqualTo(asked.creditedTo(PARTNERS.get(PARTNER)));
            assertThat(claims.claimed(REFERRAL)).isTrue();
        }

        @Test
        void anUnknownPartnerIsRefusedBeforeTheClientIsClaimed() {
            assertThatThrownBy(() -> submission.submit(
                    new SubmitReferral(REFERRAL, new PartnerId("nobody"), CLIENT, "x", null)).block())
                    .isInstanceOf(UnknownPartnerException.class);
            assertThat(claims.claimed(REFERRAL)).isFalse();
            verifyNoInteractions(commands);
        }

        @Test
        void aPartnerReferringItselfIsRefusedBeforeTheClientIsClaimed() {
            assertThatThrownBy(() -> submission.submit(
                    new SubmitReferral(REFERRAL, CLIENTS_OWN_PARTNER, CLIENT, "x", null)).block())
                    .isInstanceOf(ReferralRefusedException.class)
                    .hasMessageContaining("referring partner's own address");
            assertThat(claims.claimed(REFERRAL)).isFalse();
            verifyNoInteractions(commands);
        }

        @Test
        void aNonPositiveEstimateIsRefusedBeforeTheClientIsClaimed() {
            assertThatThrownBy(() -> submission.submit(
                    new SubmitReferral(REFERRAL, PARTNER, CLIENT, "x", Money.of("0", "EUR"))).block())
                    .isInstanceOf(InvalidMoneyException.class);
            assertThat(claims.claimed(REFERRAL)).isFalse();
            verifyNoInteractions(commands);
        }

        @Test
        void aClientAlreadyClaimedIsADuplicateAndNothingIsSent() {
            claims.alreadyTaken("Acme Ltd");
            assertThatThrownBy(() -> submission.submit(
                    new SubmitReferral(REFERRAL, PARTNER, CLIENT, "x", null)).block())
                    .isInstanceOf(DuplicateReferralException.class)
                    .extracting(error -> ((CommandRefused) error).reason())
                    .isEqualTo(CommandRefused.Reason.CONFLICT);
            verifyNoInteractions(commands);
        }

        @Test
        void aSubmissionNotStoredAfterAllGivesTheClientBack() {
            CommandRefused refused = CommandRefused.conflict("concurrent-modification", "Concurrent modification",
                    "refused after the claim");
            commandsFailWith(refused);
            assertThatThrownBy(() -> submission.submit(
                    new SubmitReferral(REFERRAL, PARTNER, CLIENT, "x", null)).block())
                    .isSameAs(refused);
            assertThat(claims.claimed(REFERRAL)).isFalse();
        }

        @Test
        void aRetryOfASubmissionAlreadyStoredSendsNothingAndClaimsNothing() {
            // the same Idempotency-Key names the same referral: its first attempt was stored, its answer lost
            stored.add(REFERRAL);
            submission.submit(new SubmitReferral(REFERRAL, PARTNER, CLIENT, "x", null)).block();
            verifyNoInteractions(commands);
            assertThat(claims.claimed(REFERRAL)).isFalse();
        }

        @Test
        void aSubmissionStoredDespiteAFailedAnswerKeepsTheClient() {
            // stored by the command, then its answer lost
            doAnswer(sent -> {
                stored.add(REFERRAL);
                return CompletableFuture.failedFuture(new IllegalStateException("the answer was lost"));
            }).when(commands).send(any());
            assertThatThrownBy(() -> submission.submit(
                    new SubmitReferral(REFERRAL, PARTNER, CLIENT, "x", null)).block())
                    .hasMessageContaining("the answer was lost");
            assertThat(claims.claimed(REFERRAL)).isTrue();
        }
    }

    @Nested
    class OpeningAFollowOn {

        private void followed(ReferralStatus status) {
            sources.put(REFERRAL, new FollowOnSource(REFERRAL, PARTNER, CLIENT, status,
                    IntroducerShare.whole(PARTNER)));
            claims.claim(REFERRAL, CLIENT);
        }

        @Test
        void aFollowOnTakesTheClientOverAndIsSentWithTheReferralItFollows() {
            followed(ReferralStatus.COMPLETED);
            commandsAreAccepted();
            OpenFollowOn asked = new OpenFollowOn(FOLLOW_ON, REFERRAL, "Phase two", null);
            submission.openFollowOn(asked).block();
            assertThat(sent()).isEqualTo(asked.following(sources.get(REFERRAL)));
            assertThat(claims.claimed(FOLLOW_ON)).isTrue();
            assertThat(claims.claimed(REFERRAL)).isFalse();
        }

        @ParameterizedTest
        @EnumSource(value = ReferralStatus.class, names = {"SUBMITTED", "QUALIFIED", "QUOTED", "LOST", "REJECTED"})
        void aFollowOnOfAReferralWithoutAContractIsRefusedBeforeTheClientIsHandedOver(ReferralStatus status) {
            followed(status);
            assertThatThrownBy(() -> submission.openFollowOn(
                    new OpenFollowOn(FOLLOW_ON, REFERRAL, "Phase two", null)).block())
                    .isInstanceOf(IllegalTransitionException.class);
            assertThat(claims.claimed(FOLLOW_ON)).isFalse();
            assertThat(claims.claimed(REFERRAL)).isTrue();
            verifyNoInteractions(commands);
        }

        @Test
        void aFollowOnOfAnUnknownReferralIsNotFound() {
            assertThatThrownBy(() -> submission.openFollowOn(
                    new OpenFollowOn(FOLLOW_ON, new ReferralId("nothing"), "Phase two", null)).block())
                    .isInstanceOf(CommandRefused.class)
                    .extracting(error -> ((CommandRefused) error).reason())
                    .isEqualTo(CommandRefused.Reason.NOT_FOUND);
            verifyNoInteractions(commands);
        }

        @Test
        void aFollowOnNotStoredAfterAllGivesTheClientBackToTheReferralItFollows() {
            followed(ReferralStatus.CONTRACTED);
            commandsFailWith(new IllegalStateException("event store away"));
            assertThatThrownBy(() -> submission.openFollowOn(
                    new OpenFollowOn(FOLLOW_ON, REFERRAL, "Phase two", null)).block())
                    .hasMessageContaining("event store away");
            assertThat(claims.claimed(FOLLOW_ON)).isFalse();
            assertThat(claims.claimed(REFERRAL)).isTrue();
        }
    }
}
