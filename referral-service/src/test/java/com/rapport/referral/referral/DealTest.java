package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.events.money.InvalidMoneyException;
import com.rapport.events.money.Money;
import com.rapport.support.domain.CommandRefused;
import com.rapport.support.id.PartnerId;
import com.rapport.referral.partner.RegisteredPartner;
import com.rapport.referral.partner.UnknownPartnerException;
import com.rapport.support.problem.ProblemTypes;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.rapport.support.domain.Refusals.refused;
import static org.hamcrest.Matchers.containsString;

/** Deals as they really go (API.md): amendments, schedules, split credit and follow-ons, decided by the aggregate. */
class DealTest {

    private static final ReferralId REFERRAL = new ReferralId("referral-1");
    private static final ReferralId FOLLOW_ON = new ReferralId("referral-2");
    private static final PartnerId PARTNER = new PartnerId("partner-a");
    private static final PartnerId CO = new PartnerId("partner-b");
    private static final PartnerId THIRD = new PartnerId("partner-c");
    private static final PartnerId CLIENTS_OWN_PARTNER = new PartnerId("partner-li");
    private static final ReferredClient CLIENT = new ReferredClient("Acme Ltd", "Li Wei", "li@acme.example");
    private static final Instant SIGNED_AT = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant AMENDED_AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final Money CONTRACT_VALUE = eur("10000.00");

    /** The partner directory as the command side looks partners up into the commands. */
    private static final Map<PartnerId, RegisteredPartner> PARTNERS = Map.of(
            PARTNER, new RegisteredPartner(PARTNER, "a@partner.example"),
            CO, new RegisteredPartner(CO, "b@partner.example"),
            THIRD, new RegisteredPartner(THIRD, "c@partner.example"),
            CLIENTS_OWN_PARTNER, new RegisteredPartner(CLIENTS_OWN_PARTNER, "li@acme.example"));

    private AggregateTestFixture<Referral> fixture;
    private Map<ReferralId, FollowOnSource> sources;

    @BeforeEach
    void setUp() {
        sources = new HashMap<>();
        // no injected resources: the aggregate decides on what the command carries
        fixture = new AggregateTestFixture<>(Referral.class);
    }

    /** As {@link CreditAssignment} sends it: with the partner directory's answer for each partner named. */
    private static SplitCredit looked(SplitCredit asked) {
        Map<PartnerId, RegisteredPartner> found = new HashMap<>();
        asked.shares().forEach(share -> {
            if (PARTNERS.containsKey(share.partnerId())) {
                found.put(share.partnerId(), PARTNERS.get(share.partnerId()));
            }
        });
        return asked.between(found);
    }

    private static ReassignReferral looked(ReassignReferral asked) {
        return asked.to(PARTNERS.get(asked.newPartnerId()));
    }

    /** As {@link ReferralSubmission} sends it: with the referral followed as the event store shows it. */
    private OpenFollowOn looked(OpenFollowOn asked) {
        return asked.following(sources.get(asked.followOnOf()));
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static IntroducerShare share(PartnerId partner, String share) {
        return new IntroducerShare(partner, new BigDecimal(share));
    }

    private static List<Object> submitted() {
        return new ArrayList<>(List.of(new ReferralSubmitted(REFERRAL, PARTNER, CLIENT, "Mini-program", null)));
    }

    private static List<Object> contracted() {
        List<Object> events = submitted();
        events.add(new ReferralQualified(REFERRAL, PARTNER));
        events.add(new ContractSigned(REFERRAL, PARTNER, CONTRACT_VALUE, SIGNED_AT, 1));
        return events;
    }

    private static List<Object> contractedAndPaid(String amount) {
        List<Object> events = contracted();
        events.add(new PaymentReceived(REFERRAL, PARTNER, "dep", eur(amount), PaymentKind.DEPOSIT, SIGNED_AT,
                eur(amount)));
        return events;
    }

    private static List<Object> in(ReferralStatus status) {
        List<Object> events = submitted();
        switch (status) {
            case SUBMITTED -> {
            }
            case QUALIFIED -> events.add(new ReferralQualified(REFERRAL, PARTNER));
            case QUOTED -> {
                events.add(new ReferralQualified(REFERRAL, PARTNER));
                events.add(new ReferralQuoted(REFERRAL, PARTNER, eur("9000.00")));
            }
            case CONTRACTED -> events = contracted();
            case DELIVERED, COMPLETED -> {
                events = contracted();
                events.add(new ReferralDelivered(REFERRAL, PARTNER));
                if (status == ReferralStatus.COMPLETED) {
                    events.add(new ReferralCompleted(REFERRAL, PARTNER));
                }
            }
            case REJECTED -> events.add(new ReferralRejected(REFERRAL, PARTNER, "no"));
            case LOST -> events.add(new ReferralLost(REFERRAL, PARTNER, "gone", ReferralStatus.SUBMITTED));
        }
        return events;
    }

    @Nested
    class AmendingTheContract {

        @ParameterizedTest
        @EnumSource(value = ReferralStatus.class, names = {"CONTRACTED", "DELIVERED"})
        void aChangeOrderChangesTheContractValue(ReferralStatus status) {
            fixture.given(in(status))
                    .when(new AmendContract(REFERRAL, "co-1", eur("2500.00"), "extra screens", AMENDED_AT))
                    .expectEvents(new ContractAmended(REFERRAL, PARTNER, "co-1", eur("2500.00"), eur("12500.00"),
                            "extra screens", AMENDED_AT))
                    .expectResultMessagePayload(RecordOutcome.RECORDED);
        }

        @Test
        void aContractMayShrinkDownToTheCashReceived() {
            fixture.given(contractedAndPaid("4000.00"))
                    .when(new AmendContract(REFERRAL, "co-1", eur("-6000.00"), "scope cut", AMENDED_AT))
                    .expectEvents(new ContractAmended(REFERRAL, PARTNER, "co-1", eur("-6000.00"), eur("4000.00"),
                            "scope cut", AMENDED_AT));
        }

        @Test
        void shrinkingBelowTheCashReceivedIsRefused() {
            fixture.given(contractedAndPaid("4000.00"))
                    .when(new AmendContract(REFERRAL, "co-1", eur("-6000.01"), "scope cut", AMENDED_AT))
                    .expectNoEvents()
                    .expectException(ReferralRefusedException.class)
                    .expectExceptionMessage(containsString("at least the"));
        }

        @Test
        void shrinkingToNothingIsRefused() {
            fixture.given(contracted())
                    .when(new AmendContract(REFERRAL, "co-1", eur("-10000.00"), "cancelled", AMENDED_AT))
                    .expectNoEvents()
                    .expectException(ReferralRefusedException.class);
        }

        @Test
        void aZeroDeltaIsBadInput() {
            fixture.given(contracted())
                    .when(new AmendContract(REFERRAL, "co-1", eur("0.00"), "nothing", AMENDED_AT))
                    .expectNoEvents()
                    .expectException(InvalidMoneyException.class);
        }

        @Test
        void aDeltaInAnotherCurrencyIsRefused() {
            fixture.given(contracted())
                    .when(new AmendContract(REFERRAL, "co-1", Money.of("100.00", "CNY"), "more", AMENDED_AT))
                    .expectNoEvents()
                    .expectExceptionMessage(containsString("CNY"));
        }

        @Test
        void theSameAmendmentAgainChangesNothing() {
            List<Object> history = contracted();
            history.add(new ContractAmended(REFERRAL, PARTNER, "co-1", eur("500.00"), eur("10500.00"), "more",
                    AMENDED_AT));
            fixture.given(history)
                    .when(new AmendContract(REFERRAL, "co-1", eur("500.00"), "more", AMENDED_AT))
                    .expectNoEvents()
                    .expectResultMessagePayload(RecordOutcome.ALREADY_RECORDED);
        }

        @Test
        void theSameAmendmentIdWithOtherContentIsRefused() {
            List<Object> history = contracted();
            history.add(new ContractAmended(REFERRAL, PARTNER, "co-1", eur("500.00"), eur("10500.00"), "more",
                    AMENDED_AT));
            fixture.given(history)
                    .when(new AmendContract(REFERRAL, "co-1", eur("600.00"), "more", AMENDED_AT))
                    .expectNoEvents()
                    .expectException(ReferralRefusedException.class)
                    .expectExceptionMessage(containsString("co-1"));
        }

        @ParameterizedTest
        @EnumSource(value = ReferralStatus.class, names = {"SUBMITTED", "QUOTED", "COMPLETED", "LOST"})
        void amendingOutsideTheContractIsAnIllegalTransition(ReferralStatus status) {
            fixture.given(in(status))
                    .when(new AmendContract(REFERRAL, "co-1", eur("500.00"), "more", AMENDED_AT))
                    .expectNoEvents()
                    .expectException(IllegalTransitionException.class);
        }

        @Test
        void paymentsMayThenAddUpToTheNewValue() {
            List<Object> history = contractedAndPaid("10000.00");
            history.add(new ContractAmended(REFERRAL, PARTNER, "co-1", eur("500.00"), eur("10500.00"), "more",
                    AMENDED_AT));
            fixture.given(history)
                    .when(new RecordPayment(REFERRAL, "fin", eur("500.00"), PaymentKind.FINAL, AMENDED_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new PaymentReceived(REFERRAL, PARTNER, "fin", eur("500.00"), PaymentKind.FINAL,
                            AMENDED_AT, eur("10500.00")));
        }
    }

    @Nested
    class Scheduling {

        private final List<Instalment> halves = List.of(
                new Instalment("deposit", LocalDate.of(2026, 11, 15), eur("5000.00")),
                new Instalment("final", LocalDate.of(2027, 2, 1), eur("5000.00")));

        @Test
        void aContractSignedWithAScheduleSetsIt() {
            fixture.given(in(ReferralStatus.QUALIFIED))
                    .when(new SignContract(REFERRAL, CONTRACT_VALUE, SIGNED_AT, halves).numbered(Map.of(PARTNER, 1)))
                    .expectEvents(new ContractSigned(REFERRAL, PARTNER, CONTRACT_VALUE, SIGNED_AT, 1),
                            new ScheduleSet(REFERRAL, PARTNER, halves));
        }

        @Test
        void aScheduleThatDoesNotAddUpToTheContractValueIsBadInput() {
            fixture.given(in(ReferralStatus.QUALIFIED))
                    .when(new SignContract(REFERRAL, CONTRACT_VALUE, SIGNED_AT, List.of(halves.get(0)))
                            .numbered(Map.of(PARTNER, 1)))
                    .expectNoEvents()
                    .expectException(refused(CommandRefused.Reason.INVALID, ProblemTypes.VALIDATION_FAILED))
                    .expectExceptionMessage(containsString("add up to"));
        }

        @Test
        void aScheduleInAnotherCurrencyIsBadInput() {
            fixture.given(in(ReferralStatus.QUALIFIED))
                    .when(new SignContract(REFERRAL, CONTRACT_VALUE, SIGNED_AT, List.of(
                            new Instalment("all", LocalDate.of(2027, 1, 1), Money.of("10000.00", "CNY"))))
                            .numbered(Map.of(PARTNER, 1)))
                    .expectNoEvents()
                    .expectExceptionMessage(containsString("currency"));
        }

        @Test
        void aNewScheduleReplacesWhatIsStillUnpaid() {
            List<Instalment> rest = List.of(new Instalment("second", LocalDate.of(2027, 1, 1), eur("3000.00")),
                    new Instalment("final", LocalDate.of(2027, 3, 1), eur("3000.00")));
            fixture.given(contractedAndPaid("4000.00"))
                    .when(new SetSchedule(REFERRAL, rest))
                    .expectEvents(new ScheduleSet(REFERRAL, PARTNER, rest));
        }

        @Test
        void aNewScheduleMustAddUpToTheUnpaidPart() {
            fixture.given(contractedAndPaid("4000.00"))
                    .when(new SetSchedule(REFERRAL, halves))
                    .expectNoEvents()
                    .expectException(CommandRefused.class)
                    .expectExceptionMessage(containsString("unpaid part"));
        }

        @Test
        void aFullyPaidContractHasAnEmptySchedule() {
            fixture.given(contractedAndPaid("10000.00"))
                    .when(new SetSchedule(REFERRAL, List.of()))
                    .expectEvents(new ScheduleSet(REFERRAL, PARTNER, List.of()));
        }

        @ParameterizedTest
        @EnumSource(value = ReferralStatus.class, names = {"QUALIFIED", "COMPLETED", "LOST"})
        void schedulingOutsideTheContractIsAnIllegalTransition(ReferralStatus status) {
            fixture.given(in(status))
                    .when(new SetSchedule(REFERRAL, halves))
                    .expectNoEvents()
                    .expectException(IllegalTransitionException.class);
        }
    }

    @Nested
    class SplittingTheCredit {

        private final List<IntroducerShare> sixtyForty = List.of(share(PARTNER, "0.60"), share(CO, "0.40"));

        @ParameterizedTest
        @EnumSource(value = ReferralStatus.class, names = {"SUBMITTED", "QUALIFIED", "QUOTED"})
        void theCreditIsSplitBeforeTheContract(ReferralStatus status) {
            fixture.given(in(status))
                    .when(looked(new SplitCredit(REFERRAL, sixtyForty)))
                    .expectEvents(new CreditSplit(REFERRAL, PARTNER, sixtyForty));
        }

        @ParameterizedTest
        @EnumSource(value = ReferralStatus.class, names = {"CONTRACTED", "COMPLETED", "REJECTED"})
        void splittingOnceContractedOrClosedIsAnIllegalTransition(ReferralStatus status) {
            fixture.given(in(status))
                    .when(looked(new SplitCredit(REFERRAL, sixtyForty)))
                    .expectNoEvents()
                    .expectException(IllegalTransitionException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0.5,0.4", "0.7,0.4", "0.5,0.5000001", "0,1", "-0.5,1.5", "1.0001,-0.0001"})
        void sharesThatAreNotEachInZeroToOneWithFourDigitsAndAddingUpToOneAreBadInput(String values) {
            String[] split = values.split(",");
            fixture.given(submitted())
                    .when(looked(new SplitCredit(REFERRAL, List.of(share(PARTNER, split[0]), share(CO, split[1])))))
                    .expectNoEvents()
                    .expectException(refused(CommandRefused.Reason.INVALID, ProblemTypes.VALIDATION_FAILED));
        }

        @Test
        void sharesOfFourDigitsAddingUpToOneAreAccepted() {
            List<IntroducerShare> thirds = List.of(share(PARTNER, "0.3334"), share(CO, "0.3333"),
                    share(THIRD, "0.3333"));
            fixture.given(submitted())
                    .when(looked(new SplitCredit(REFERRAL, thirds)))
                    .expectEvents(new CreditSplit(REFERRAL, PARTNER, thirds));
        }

        @Test
        void theReferringPartnerMustKeepAShare() {
            fixture.given(submitted())
                    .when(looked(new SplitCredit(REFERRAL, List.of(share(CO, "0.5"), share(THIRD, "0.5")))))
                    .expectNoEvents()
                    .expectException(refused(CommandRefused.Reason.INVALID, ProblemTypes.VALIDATION_FAILED))
                    .expectExceptionMessage(containsString("referring partner"));
        }

        @Test
        void aPartnerNamedTwiceIsBadInput() {
            fixture.given(submitted())
                    .when(looked(new SplitCredit(REFERRAL, List.of(share(PARTNER, "0.5"), share(PARTNER, "0.5")))))
                    .expectNoEvents()
                    .expectExceptionMessage(containsString("named twice"));
        }

        @Test
        void anUnknownCoIntroducerIsRefused() {
            fixture.given(submitted())
                    .when(looked(new SplitCredit(REFERRAL, List.of(share(PARTNER, "0.5"),
                            share(new PartnerId("nobody"), "0.5")))))
                    .expectNoEvents()
                    .expectException(refused(CommandRefused.Reason.INVALID, UnknownPartnerException.SLUG));
        }

        @Test
        void theStatusIsAnsweredBeforeAnUnknownCoIntroducer() {
            fixture.given(in(ReferralStatus.CONTRACTED))
                    .when(looked(new SplitCredit(REFERRAL, List.of(share(PARTNER, "0.5"),
                            share(new PartnerId("nobody"), "0.5")))))
                    .expectNoEvents()
                    .expectException(IllegalTransitionException.class);
        }

        @Test
        void theClientCannotBeItsOwnCoIntroducer() {
            fixture.given(submitted())
                    .when(looked(new SplitCredit(REFERRAL, List.of(share(PARTNER, "0.5"),
                            share(CLIENTS_OWN_PARTNER, "0.5")))))
                    .expectNoEvents()
                    .expectException(ReferralRefusedException.class);
        }

        @Test
        void theSameSplitAgainChangesNothing() {
            List<Object> history = submitted();
            history.add(new CreditSplit(REFERRAL, PARTNER, sixtyForty));
            fixture.given(history)
                    .when(looked(new SplitCredit(REFERRAL, List.of(share(PARTNER, "0.6"), share(CO, "0.4")))))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void signingASplitReferralNumbersTheContractForEveryCoIntroducer() {
            List<Object> history = in(ReferralStatus.QUALIFIED);
            history.add(new CreditSplit(REFERRAL, PARTNER, sixtyForty));
            fixture.given(history)
                    .when(new SignContract(REFERRAL, CONTRACT_VALUE, SIGNED_AT).numbered(Map.of(PARTNER, 1, CO, 5)))
                    .expectEvents(new ContractSigned(REFERRAL, PARTNER, CONTRACT_VALUE, SIGNED_AT, 1,
                            Map.of(PARTNER.value(), 1, CO.value(), 5)));
        }

        @Test
        void signingASplitReferralNumberedOnlyForTheReferringPartnerIsRefusedAsAConcurrentChange() {
            List<Object> history = in(ReferralStatus.QUALIFIED);
            history.add(new CreditSplit(REFERRAL, PARTNER, sixtyForty));
            fixture.given(history)
                    .when(new SignContract(REFERRAL, CONTRACT_VALUE, SIGNED_AT).numbered(Map.of(PARTNER, 1)))
                    .expectNoEvents()
                    .expectException(refused(CommandRefused.Reason.CONFLICT, ProblemTypes.CONCURRENT_MODIFICATION));
        }

        @Test
        void reassigningASplitReferralMovesTheReferringPartnersShare() {
            List<Object> history = submitted();
            history.add(new CreditSplit(REFERRAL, PARTNER, sixtyForty));
            history.add(new ReferralReassigned(REFERRAL, THIRD, PARTNER, "moved"));
            fixture.given(history)
                    .when(new SignContract(REFERRAL, CONTRACT_VALUE, SIGNED_AT).numbered(Map.of(THIRD, 1, CO, 5)))
                    .expectNoEvents()
                    .expectException(IllegalTransitionException.class);
            history.add(new ReferralQualified(REFERRAL, THIRD));
            fixture.given(history)
                    .when(new SignContract(REFERRAL, CONTRACT_VALUE, SIGNED_AT).numbered(Map.of(THIRD, 1, CO, 5)))
                    .expectEvents(new ContractSigned(REFERRAL, THIRD, CONTRACT_VALUE, SIGNED_AT, 1,
                            Map.of(THIRD.value(), 1, CO.value(), 5)));
        }

        @Test
        void reassigningToACoIntroducerIsRefused() {
            List<Object> history = submitted();
            history.add(new CreditSplit(REFERRAL, PARTNER, sixtyForty));
            fixture.given(history)
                    .when(looked(new ReassignReferral(REFERRAL, CO, "move")))
                    .expectNoEvents()
                    .expectException(ReferralRefusedException.class)
                    .expectExceptionMessage(containsString("holds a share"));
        }
    }

    @Nested
    class FollowOns {

        private final List<IntroducerShare> sixtyForty = List.of(share(PARTNER, "0.60"), share(CO, "0.40"));

        @ParameterizedTest
        @EnumSource(value = ReferralStatus.class, names = {"CONTRACTED", "DELIVERED", "COMPLETED"})
        void aFollowOnIsAQualifiedReferralForTheSameClientAndIntroducers(ReferralStatus status) {
            sources.put(REFERRAL, new FollowOnSource(REFERRAL, PARTNER, CLIENT, status, sixtyForty));
            fixture.givenNoPriorActivity()
                    .when(looked(new OpenFollowOn(FOLLOW_ON, REFERRAL, " Phase two ", eur("5000.00"))))
                    .expectEvents(new FollowOnOpened(FOLLOW_ON, PARTNER, REFERRAL, CLIENT, "Phase two",
                            eur("5000.00"), sixtyForty));
        }

        @ParameterizedTest
        @EnumSource(value = ReferralStatus.class, names = {"SUBMITTED", "QUALIFIED", "QUOTED", "LOST", "REJECTED"})
        void aFollowOnOfAReferralWithoutAContractIsAnIllegalTransition(ReferralStatus status) {
            sources.put(REFERRAL, new FollowOnSource(REFERRAL, PARTNER, CLIENT, status,
                    IntroducerShare.whole(PARTNER)));
            fixture.givenNoPriorActivity()
                    .when(looked(new OpenFollowOn(FOLLOW_ON, REFERRAL, "Phase two", null)))
                    .expectNoEvents()
                    .expectException(IllegalTransitionException.class);
        }

        @Test
        void aFollowOnOfAnUnknownReferralIsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(looked(new OpenFollowOn(FOLLOW_ON, new ReferralId("nothing"), "Phase two", null)))
                    .expectNoEvents()
                    .expectException(refused(CommandRefused.Reason.NOT_FOUND, ProblemTypes.NOT_FOUND))
                    .expectExceptionMessage(containsString("nothing"));
        }

        @Test
        void aBadEstimateIsAnsweredBeforeAnUnknownReferral() {
            fixture.givenNoPriorActivity()
                    .when(looked(new OpenFollowOn(FOLLOW_ON, new ReferralId("nothing"), "Phase two", eur("0.00"))))
                    .expectNoEvents()
                    .expectException(InvalidMoneyException.class);
        }

        @Test
        void aNonPositiveEstimateIsBadInput() {
            sources.put(REFERRAL, new FollowOnSource(REFERRAL, PARTNER, CLIENT, ReferralStatus.COMPLETED,
                    IntroducerShare.whole(PARTNER)));
            fixture.givenNoPriorActivity()
                    .when(looked(new OpenFollowOn(FOLLOW_ON, REFERRAL, "Phase two", eur("0.00"))))
                    .expectNoEvents()
                    .expectException(InvalidMoneyException.class);
        }

        @Test
        void aFollowOnGoesOnLikeAnyQualifiedReferralAndIsNumberedForEveryIntroducer() {
            AggregateTestFixture<Referral> followOnFixture = fixture;
            followOnFixture.given(new FollowOnOpened(FOLLOW_ON, PARTNER, REFERRAL, CLIENT, "Phase two", null,
                            sixtyForty))
                    .when(new SignContract(FOLLOW_ON, eur("3000.00"), SIGNED_AT).numbered(Map.of(PARTNER, 1, CO, 5)))
                    .expectEvents(new ContractSigned(FOLLOW_ON, PARTNER, eur("3000.00"), SIGNED_AT, 1,
                            Map.of(PARTNER.value(), 1, CO.value(), 5)));
        }
    }
}
