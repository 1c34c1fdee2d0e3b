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
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.rapport.support.domain.Refusals.refused;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

class ReferralTest {

    private static final ReferralId REFERRAL = new ReferralId("referral-1");
    private static final PartnerId PARTNER = new PartnerId("partner-a");
    private static final PartnerId OTHER_PARTNER = new PartnerId("partner-b");
    private static final PartnerId CLIENTS_OWN_PARTNER = new PartnerId("partner-li");
    private static final ReferredClient CLIENT = new ReferredClient("Acme Ltd", "Li Wei", "li@acme.example");
    private static final Instant SIGNED_AT = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant PAID_AT = Instant.parse("2026-11-20T10:00:00Z");
    private static final Money CONTRACT_VALUE = eur("10000.00");

    /** The partner directory as the command side looks partners up into the commands. */
    private static final Map<PartnerId, RegisteredPartner> PARTNERS = Map.of(
            PARTNER, new RegisteredPartner(PARTNER, "a@partner.example"),
            OTHER_PARTNER, new RegisteredPartner(OTHER_PARTNER, "b@partner.example"),
            CLIENTS_OWN_PARTNER, new RegisteredPartner(CLIENTS_OWN_PARTNER, "LI@acme.example"));

    private AggregateTestFixture<Referral> fixture;

    @BeforeEach
    void setUp() {
        // no injected resources: the aggregate decides on what the command carries
        fixture = new AggregateTestFixture<>(Referral.class);
    }

    /** As {@link ReferralSubmission} sends it: with the partner directory's answer. */
    private static SubmitReferral looked(SubmitReferral asked) {
        return asked.creditedTo(PARTNERS.get(asked.partnerId()));
    }

    /** As {@link CreditAssignment} sends it: with the partner directory's answer. */
    private static ReassignReferral looked(ReassignReferral asked) {
        return asked.to(PARTNERS.get(asked.newPartnerId()));
    }

    /** As {@link ContractSigning} sends it for a referral credited to PARTNER alone, this being its first. */
    private static SignContract numbered(SignContract asked) {
        return asked.numbered(Map.of(PARTNER, 1));
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static ReferralSubmitted submitted() {
        return new ReferralSubmitted(REFERRAL, PARTNER, CLIENT, "Mini-program", Money.of("80000", "CNY"));
    }

    private static List<Object> upTo(ReferralStatus status) {
        List<Object> events = new ArrayList<>(List.of(submitted()));
        switch (status) {
            case SUBMITTED -> {
            }
            case QUALIFIED -> events.add(new ReferralQualified(REFERRAL, PARTNER));
            case QUOTED -> events.addAll(List.of(new ReferralQualified(REFERRAL, PARTNER),
                    new ReferralQuoted(REFERRAL, PARTNER, eur("12000.00"))));
            case REJECTED -> events.add(new ReferralRejected(REFERRAL, PARTNER, "not a fit"));
            case CONTRACTED -> events.addAll(contracted());
            case DELIVERED -> {
                events.addAll(contracted());
                events.add(new ReferralDelivered(REFERRAL, PARTNER));
            }
            case COMPLETED -> {
                events.addAll(contracted());
                events.add(new ReferralDelivered(REFERRAL, PARTNER));
                events.add(new ReferralCompleted(REFERRAL, PARTNER));
            }
            case LOST -> events.add(new ReferralLost(REFERRAL, PARTNER, "went elsewhere", ReferralStatus.SUBMITTED));
        }
        return events;
    }

    private static List<Object> contracted() {
        return List.of(new ReferralQualified(REFERRAL, PARTNER),
                new ContractSigned(REFERRAL, PARTNER, CONTRACT_VALUE, SIGNED_AT, 1));
    }

    private static PaymentReceived paid(String paymentId, String amount, String netCash) {
        return new PaymentReceived(REFERRAL, PARTNER, paymentId, eur(amount), PaymentKind.DEPOSIT, PAID_AT,
                eur(netCash));
    }

    private static void refusedAsIllegal(ResultValidator<Referral> result, ReferralStatus current) {
        result.expectNoEvents()
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage(containsString("is " + current));
    }

    @Nested
    class Submitting {

        @Test
        void aSubmittedReferralIsCreditedToThePartnerAndClaimsTheClient() {
            fixture.givenNoPriorActivity()
                    .when(looked(new SubmitReferral(REFERRAL, PARTNER,
                            new ReferredClient(" Acme Ltd ", "Li Wei", "li@acme.example "), "Mini-program",
                            Money.of("80000", "CNY"))))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(submitted());
        }

        @Test
        void theEstimatedValueMayBeUnknown() {
            fixture.givenNoPriorActivity()
                    .when(looked(new SubmitReferral(REFERRAL, PARTNER, CLIENT, "Mini-program", null)))
                    .expectEvents(new ReferralSubmitted(REFERRAL, PARTNER, CLIENT, "Mini-program", null));
        }

        @Test
        void aSubmissionForAnUnknownPartnerIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(looked(new SubmitReferral(REFERRAL, new PartnerId("nobody"), CLIENT, "x", null)))
                    .expectNoEvents()
                    .expectException(refused(CommandRefused.Reason.INVALID, UnknownPartnerException.SLUG));
        }

        @Test
        void aSubmissionWhosePartnerWasNotLookedUpIsRefusedAsUnknown() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitReferral(REFERRAL, PARTNER, CLIENT, "x", null))
                    .expectNoEvents()
                    .expectException(UnknownPartnerException.class);
        }

        @Test
        void aPartnerReferringItselfIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(looked(new SubmitReferral(REFERRAL, CLIENTS_OWN_PARTNER, CLIENT, "x", null)))
                    .expectNoEvents()
                    .expectException(refused(CommandRefused.Reason.CONFLICT, "self-referral"))
                    .expectExceptionMessage(containsString("referring partner's own address"));
        }

        @Test
        void anUnknownPartnerIsAnsweredBeforeABadEstimate() {
            fixture.givenNoPriorActivity()
                    .when(looked(new SubmitReferral(REFERRAL, new PartnerId("nobody"), CLIENT, "x", eur("0"))))
                    .expectNoEvents()
                    .expectException(UnknownPartnerException.class);
        }

        @Test
        void aNonPositiveEstimatedValueIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(looked(new SubmitReferral(REFERRAL, PARTNER, CLIENT, "x", eur("0"))))
                    .expectNoEvents()
                    .expectException(InvalidMoneyException.class);
        }
    }

    @Nested
    class Qualifying {

        @Test
        void aSubmittedReferralIsQualified() {
            fixture.given(upTo(ReferralStatus.SUBMITTED))
                    .when(new QualifyReferral(REFERRAL))
                    .expectEvents(new ReferralQualified(REFERRAL, PARTNER));
        }

        @Test
        void qualifyingTwiceIsAnIllegalTransitionNamingTheAllowedStatus() {
            fixture.given(upTo(ReferralStatus.QUALIFIED))
                    .when(new QualifyReferral(REFERRAL))
                    .expectNoEvents()
                    .expectException(IllegalTransitionException.class)
                    .expectExceptionMessage(allOf(containsString("QUALIFIED"), containsString("[SUBMITTED]")));
        }
    }

    @Nested
    class Rejecting {

        @ParameterizedTest
        @EnumSource(value = ReferralStatus.class, names = {"SUBMITTED", "QUALIFIED"})
        void anUndecidedReferralIsRejectedWithItsReason(ReferralStatus status) {
            fixture.given(upTo(status))
                    .when(new RejectReferral(REFERRAL, "out of scope"))
                    .expectEvents(new ReferralRejected(REFERRAL, PARTNER, "out of scope"));
        }

        @ParameterizedTest
        @EnumSource(value = ReferralStatus.class, names = {"QUOTED", "CONTRACTED", "REJECTED", "LOST"})
        void rejectingLaterIsAnIllegalTransition(ReferralStatus status) {
            refusedAsIllegal(fixture.given(upTo(status)).when(new RejectReferral(REFERRAL, "no")), status);
        }
    }

    @Nested
    class Quoting {

        @ParameterizedTest
        @EnumSource(value = ReferralStatus.class, names = {"QUALIFIED", "QUOTED"})
        void aQualifiedOrQuotedReferralIsQuoted(ReferralStatus status) {
            fixture.given(upTo(status))
                    .when(new QuoteReferral(REFERRAL, eur("15000.00")))
                    .expectEvents(new ReferralQuoted(REFERRAL, PARTNER, eur("15000.00")));
        }

        @Test
        void quotingBeforeQualificationIsAnIllegalTransition() {
            refusedAsIllegal(fixture.given(upTo(ReferralStatus.SUBMITTED))
                    .when(new QuoteReferral(REFERRAL, eur("1.00"))), ReferralStatus.SUBMITTED);
        }

        @Test
        void aZeroQuoteIsRefused() {
            fixture.given(upTo(ReferralStatus.QUALIFIED))
                    .when(new QuoteReferral(REFERRAL, eur("0.00")))
                    .expectNoEvents()
                    .expectException(InvalidMoneyException.class);
        }

        @Test
        void aZeroQuoteIsBadInputEvenWhenQuotingIsNotAllowedYet() {
            // bad input is answered 400 in any state, not 409 because of the state
            fixture.given(upTo(ReferralStatus.SUBMITTED))
                    .when(new QuoteReferral(REFERRAL, eur("0.00")))
                    .expectNoEvents()
                    .expectException(InvalidMoneyException.class);
        }
    }

    @Nested
    class SigningTheContract {

        @ParameterizedTest
        @EnumSource(value = ReferralStatus.class, names = {"QUALIFIED", "QUOTED"})
        void aContractIsSignedWithThePartnersNextContractNumber(ReferralStatus status) {
            fixture.given(upTo(status))
                    .when(numbered(new SignContract(REFERRAL, CONTRACT_VALUE, SIGNED_AT)))
                    .expectEvents(new ContractSigned(REFERRAL, PARTNER, CONTRACT_VALUE, SIGNED_AT, 1));
        }

        @ParameterizedTest
        @EnumSource(value = ReferralStatus.class, names = {"SUBMITTED", "CONTRACTED", "REJECTED", "LOST"})
        void signingFromAnotherStatusIsAnIllegalTransition(ReferralStatus status) {
            refusedAsIllegal(fixture.given(upTo(status))
                    .when(numbered(new SignContract(REFERRAL, CONTRACT_VALUE, SIGNED_AT))), status);
        }

        @Test
        void anIllegalSigningNamesTheCurrentAndTheAllowedStatuses() {
            fixture.given(upTo(ReferralStatus.SUBMITTED))
                    .when(numbered(new SignContract(REFERRAL, CONTRACT_VALUE, SIGNED_AT)))
                    .expectNoEvents()
                    .expectException(refused(CommandRefused.Reason.CONFLICT, ProblemTypes.ILLEGAL_TRANSITION,
                            Map.of("currentStatus", "SUBMITTED", "allowedStatuses", List.of("QUALIFIED", "QUOTED"))));
        }

        @Test
        void aNegativeContractValueIsRefused() {
            fixture.given(upTo(ReferralStatus.QUALIFIED))
                    .when(numbered(new SignContract(REFERRAL, eur("-1.00"), SIGNED_AT)))
                    .expectNoEvents()
                    .expectException(InvalidMoneyException.class);
        }

        @Test
        void aSigningWithoutTheIntroducersNumberIsRefusedAsAConcurrentChange() {
            // numbered for a credit that has changed since: signing again numbers it as it now is
            fixture.given(upTo(ReferralStatus.QUALIFIED))
                    .when(new SignContract(REFERRAL, CONTRACT_VALUE, SIGNED_AT)
                            .numbered(Map.of(OTHER_PARTNER, 3)))
                    .expectNoEvents()
                    .expectException(refused(CommandRefused.Reason.CONFLICT, ProblemTypes.CONCURRENT_MODIFICATION));
        }
    }

    @Nested
    class Milestones {

        @Test
        void aMilestoneOfAContractedReferralIsRecorded() {
            fixture.given(upTo(ReferralStatus.CONTRACTED))
                    .when(new RecordMilestone(REFERRAL, "Design approved", null))
                    .expectEvents(new MilestoneReached(REFERRAL, PARTNER, "Design approved", null));
        }

        @ParameterizedTest
        @EnumSource(value = ReferralStatus.class, names = {"QUALIFIED", "DELIVERED"})
        void aMilestoneOutsideTheContractIsAnIllegalTransition(ReferralStatus status) {
            refusedAsIllegal(fixture.given(upTo(status)).when(new RecordMilestone(REFERRAL, "x", null)), status);
        }
    }

    @Nested
    class Payments {

        @Test
        void aPaymentAfterTheContractIsRecordedWithTheNetCash() {
            fixture.given(upTo(ReferralStatus.CONTRACTED))
                    .when(new RecordPayment(REFERRAL, "pay-1", eur("3333.33"), PaymentKind.DEPOSIT, PAID_AT))
                    .expectEvents(paid("pay-1", "3333.33", "3333.33"))
                    .expectResultMessagePayload(RecordOutcome.RECORDED);
        }

        @Test
        void theNetCashOfAPaymentCountsEarlierRefunds() {
            List<Object> given = upTo(ReferralStatus.CONTRACTED);
            given.add(paid("pay-1", "5000.00", "5000.00"));
            given.add(new RefundIssued(REFERRAL, PARTNER, "ref-1", eur("1000.00"), "overbilled", PAID_AT,
                    eur("4000.00")));
            fixture.given(given)
                    .when(new RecordPayment(REFERRAL, "pay-2", eur("2000.00"), PaymentKind.DEPOSIT, PAID_AT))
                    .expectEvents(paid("pay-2", "2000.00", "6000.00"));
        }

        @Test
        void aPaymentAfterDeliveryIsRecorded() {
            fixture.given(upTo(ReferralStatus.DELIVERED))
                    .when(new RecordPayment(REFERRAL, "pay-1", eur("100.00"), PaymentKind.DEPOSIT, PAID_AT))
                    .expectEvents(paid("pay-1", "100.00", "100.00"));
        }

        @ParameterizedTest
        @EnumSource(value = ReferralStatus.class, names = {"SUBMITTED", "QUALIFIED", "QUOTED", "COMPLETED", "LOST"})
        void paymentBeforeContractOrAfterTheEndIsRefused(ReferralStatus status) {
            refusedAsIllegal(fixture.given(upTo(status))
                    .when(new RecordPayment(REFERRAL, "pay-1", eur("1.00"), PaymentKind.DEPOSIT, PAID_AT)), status);
        }

        @Test
        void aPaymentInAnotherCurrencyThanTheContractIsRefused() {
            fixture.given(upTo(ReferralStatus.CONTRACTED))
                    .when(new RecordPayment(REFERRAL, "pay-1", Money.of("100.00", "USD"), PaymentKind.DEPOSIT, PAID_AT))
                    .expectNoEvents()
                    .expectExceptionMessage(containsString("the contract is in EUR"));
        }

        @Test
        void paymentsAddingUpToMoreThanTheContractValueAreRefused() {
            List<Object> given = upTo(ReferralStatus.CONTRACTED);
            given.add(paid("pay-1", "9000.00", "9000.00"));
            fixture.given(given)
                    .when(new RecordPayment(REFERRAL, "pay-2", eur("1000.01"), PaymentKind.FINAL, PAID_AT))
                    .expectNoEvents()
                    .expectExceptionMessage(containsString("would exceed the contract value"));
        }

        @Test
        void paymentsAddingUpToExactlyTheContractValueAreRecorded() {
            List<Object> given = upTo(ReferralStatus.CONTRACTED);
            given.add(paid("pay-1", "9000.00", "9000.00"));
            fixture.given(given)
                    .when(new RecordPayment(REFERRAL, "pay-2", eur("1000.00"), PaymentKind.DEPOSIT, PAID_AT))
                    .expectEvents(paid("pay-2", "1000.00", "10000.00"));
        }

        @Test
        void aRepeatedPaymentWithTheSameContentChangesNothing() {
            List<Object> given = upTo(ReferralStatus.COMPLETED);
            given.add(3, paid("pay-1", "100.00", "100.00"));
            fixture.given(given)
                    .when(new RecordPayment(REFERRAL, "pay-1", eur("100.00"), PaymentKind.DEPOSIT, PAID_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(RecordOutcome.ALREADY_RECORDED);
        }

        @Test
        void aRepeatedPaymentIdWithOtherContentIsRefused() {
            List<Object> given = upTo(ReferralStatus.CONTRACTED);
            given.add(paid("pay-1", "100.00", "100.00"));
            fixture.given(given)
                    .when(new RecordPayment(REFERRAL, "pay-1", eur("200.00"), PaymentKind.DEPOSIT, PAID_AT))
                    .expectNoEvents()
                    .expectExceptionMessage(containsString("payment pay-1 was already recorded with other content"));
        }

        @Test
        void aNegativePaymentIsBadInputEvenBeforeTheContract() {
            fixture.given(upTo(ReferralStatus.QUALIFIED))
                    .when(new RecordPayment(REFERRAL, "pay-1", eur("-1.00"), PaymentKind.DEPOSIT, PAID_AT))
                    .expectNoEvents()
                    .expectException(InvalidMoneyException.class);
        }

        @Test
        void aZeroPaymentIsRefused() {
            fixture.given(upTo(ReferralStatus.CONTRACTED))
                    .when(new RecordPayment(REFERRAL, "pay-1", eur("0"), PaymentKind.DEPOSIT, PAID_AT))
                    .expectNoEvents()
                    .expectException(InvalidMoneyException.class);
        }
    }

    @Nested
    class Refunds {

        private List<Object> paidOnce() {
            List<Object> given = upTo(ReferralStatus.CONTRACTED);
            given.add(paid("pay-1", "3000.00", "3000.00"));
            return given;
        }

        @Test
        void aRefundAfterAPaymentIsIssuedWithTheNetCash() {
            fixture.given(paidOnce())
                    .when(new IssueRefund(REFERRAL, "ref-1", eur("1000.00"), "scope cut", PAID_AT))
                    .expectEvents(new RefundIssued(REFERRAL, PARTNER, "ref-1", eur("1000.00"), "scope cut", PAID_AT,
                            eur("2000.00")))
                    .expectResultMessagePayload(RecordOutcome.RECORDED);
        }

        @Test
        void aRefundOfALostReferralIsStillIssued() {
            List<Object> given = paidOnce();
            given.add(new ReferralLost(REFERRAL, PARTNER, "cancelled", ReferralStatus.CONTRACTED));
            fixture.given(given)
                    .when(new IssueRefund(REFERRAL, "ref-1", eur("3000.00"), "cancelled", PAID_AT))
                    .expectEvents(new RefundIssued(REFERRAL, PARTNER, "ref-1", eur("3000.00"), "cancelled", PAID_AT,
                            eur("0.00")));
        }

        @Test
        void aRefundBeforeAnyPaymentIsRefused() {
            fixture.given(upTo(ReferralStatus.CONTRACTED))
                    .when(new IssueRefund(REFERRAL, "ref-1", eur("1.00"), "x", PAID_AT))
                    .expectNoEvents()
                    .expectExceptionMessage(containsString("no payment has been received"));
        }

        @Test
        void aRefundOfAReferralWithoutContractIsRefused() {
            fixture.given(upTo(ReferralStatus.QUALIFIED))
                    .when(new IssueRefund(REFERRAL, "ref-1", eur("1.00"), "x", PAID_AT))
                    .expectNoEvents()
                    .expectExceptionMessage(containsString("no payment has been received"));
        }

        @Test
        void refundsAddingUpToMoreThanThePaymentsAreRefused() {
            List<Object> given = paidOnce();
            given.add(new RefundIssued(REFERRAL, PARTNER, "ref-1", eur("2000.00"), "x", PAID_AT, eur("1000.00")));
            fixture.given(given)
                    .when(new IssueRefund(REFERRAL, "ref-2", eur("1000.01"), "x", PAID_AT))
                    .expectNoEvents()
                    .expectExceptionMessage(containsString("would exceed the 3000.00 EUR received"));
        }

        @Test
        void aRefundInAnotherCurrencyIsRefused() {
            fixture.given(paidOnce())
                    .when(new IssueRefund(REFERRAL, "ref-1", Money.of("10", "JPY"), "x", PAID_AT))
                    .expectNoEvents()
                    .expectExceptionMessage(containsString("the contract is in EUR"));
        }

        @Test
        void aRepeatedRefundWithTheSameContentChangesNothing() {
            List<Object> given = paidOnce();
            given.add(new RefundIssued(REFERRAL, PARTNER, "ref-1", eur("10.00"), "x", PAID_AT, eur("2990.00")));
            fixture.given(given)
                    .when(new IssueRefund(REFERRAL, "ref-1", eur("10.00"), "x", PAID_AT))
                    .expectNoEvents()
                    .expectResultMessagePayload(RecordOutcome.ALREADY_RECORDED);
        }

        @Test
        void aRepeatedRefundIdWithOtherContentIsRefused() {
            List<Object> given = paidOnce();
            given.add(new RefundIssued(REFERRAL, PARTNER, "ref-1", eur("10.00"), "x", PAID_AT, eur("2990.00")));
            fixture.given(given)
                    .when(new IssueRefund(REFERRAL, "ref-1", eur("10.00"), "another reason", PAID_AT))
                    .expectNoEvents()
                    .expectExceptionMessage(containsString("refund ref-1 was already recorded with other content"));
        }
    }

    @Nested
    class DeliveringAndCompleting {

        @Test
        void aContractedReferralIsDelivered() {
            fixture.given(upTo(ReferralStatus.CONTRACTED))
                    .when(new DeliverReferral(REFERRAL))
                    .expectEvents(new ReferralDelivered(REFERRAL, PARTNER));
        }

        @ParameterizedTest
        @EnumSource(value = ReferralStatus.class, names = {"QUALIFIED", "DELIVERED", "COMPLETED"})
        void deliveringWithoutAContractIsAnIllegalTransition(ReferralStatus status) {
            refusedAsIllegal(fixture.given(upTo(status)).when(new DeliverReferral(REFERRAL)), status);
        }

        @Test
        void aDeliveredReferralIsCompleted() {
            fixture.given(upTo(ReferralStatus.DELIVERED))
                    .when(new CompleteReferral(REFERRAL))
                    .expectEvents(new ReferralCompleted(REFERRAL, PARTNER));
        }

        @ParameterizedTest
        @EnumSource(value = ReferralStatus.class, names = {"CONTRACTED", "COMPLETED", "LOST"})
        void completingBeforeDeliveryIsAnIllegalTransition(ReferralStatus status) {
            refusedAsIllegal(fixture.given(upTo(status)).when(new CompleteReferral(REFERRAL)), status);
        }
    }

    @Nested
    class Losing {

        @ParameterizedTest
        @EnumSource(value = ReferralStatus.class,
                names = {"SUBMITTED", "QUALIFIED", "QUOTED", "CONTRACTED", "DELIVERED"})
        void anOpenReferralIsLostRememberingWhereItStood(ReferralStatus status) {
            fixture.given(upTo(status))
                    .when(new LoseReferral(REFERRAL, "client chose a competitor"))
                    .expectEvents(new ReferralLost(REFERRAL, PARTNER, "client chose a competitor", status));
        }

        @ParameterizedTest
        @EnumSource(value = ReferralStatus.class, names = {"COMPLETED", "REJECTED", "LOST"})
        void aFinishedReferralCannotBeLost(ReferralStatus status) {
            refusedAsIllegal(fixture.given(upTo(status)).when(new LoseReferral(REFERRAL, "x")), status);
        }
    }

    @Nested
    class Reassigning {

        @ParameterizedTest
        @EnumSource(value = ReferralStatus.class, names = {"SUBMITTED", "QUALIFIED", "QUOTED"})
        void theCreditMovesToAnotherPartnerBeforeAContract(ReferralStatus status) {
            fixture.given(upTo(status))
                    .when(looked(new ReassignReferral(REFERRAL, OTHER_PARTNER, "introduced first by B")))
                    .expectEvents(new ReferralReassigned(REFERRAL, OTHER_PARTNER, PARTNER, "introduced first by B"));
        }

        @Test
        void laterEventsAreCreditedToTheNewPartner() {
            List<Object> given = upTo(ReferralStatus.SUBMITTED);
            given.add(new ReferralReassigned(REFERRAL, OTHER_PARTNER, PARTNER, "x"));
            fixture.given(given)
                    .when(new QualifyReferral(REFERRAL))
                    .expectEvents(new ReferralQualified(REFERRAL, OTHER_PARTNER));
        }

        @ParameterizedTest
        @EnumSource(value = ReferralStatus.class, names = {"CONTRACTED", "REJECTED", "LOST"})
        void reassigningAfterTheContractIsAnIllegalTransition(ReferralStatus status) {
            refusedAsIllegal(fixture.given(upTo(status))
                    .when(looked(new ReassignReferral(REFERRAL, OTHER_PARTNER, "x"))), status);
        }

        @Test
        void reassigningToAnUnknownPartnerIsRefused() {
            fixture.given(upTo(ReferralStatus.SUBMITTED))
                    .when(looked(new ReassignReferral(REFERRAL, new PartnerId("nobody"), "x")))
                    .expectNoEvents()
                    .expectException(refused(CommandRefused.Reason.INVALID, UnknownPartnerException.SLUG));
        }

        @Test
        void theStatusIsAnsweredBeforeAnUnknownPartner() {
            refusedAsIllegal(fixture.given(upTo(ReferralStatus.CONTRACTED))
                    .when(looked(new ReassignReferral(REFERRAL, new PartnerId("nobody"), "x"))),
                    ReferralStatus.CONTRACTED);
        }

        @Test
        void reassigningToThePartnerThatHasTheCreditIsRefused() {
            fixture.given(upTo(ReferralStatus.SUBMITTED))
                    .when(looked(new ReassignReferral(REFERRAL, PARTNER, "x")))
                    .expectNoEvents()
                    .expectExceptionMessage(containsString("already credited"));
        }

        @Test
        void reassigningToTheClientsOwnAddressIsASelfReferral() {
            fixture.given(upTo(ReferralStatus.SUBMITTED))
                    .when(looked(new ReassignReferral(REFERRAL, CLIENTS_OWN_PARTNER, "x")))
                    .expectNoEvents()
                    .expectExceptionMessage(containsString("referring partner's own address"));
        }
    }
}
