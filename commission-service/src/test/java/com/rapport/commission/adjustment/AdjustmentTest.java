package com.rapport.commission.adjustment;

import com.rapport.commission.ledger.FourEyesException;
import com.rapport.events.money.Money;
import com.rapport.support.domain.CommandRefused.Reason;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import com.rapport.support.problem.ProblemTypes;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.rapport.support.domain.Refusals.refused;

class AdjustmentTest {

    static final PartnerId P1 = PartnerId.of("p1");
    static final ReferralId R1 = ReferralId.of("r1");

    static final Money MINUS = Money.of("-12.50", "EUR");
    static final LocalDate TODAY = LocalDate.parse("2026-11-26");
    static final AdjustmentProposed PROPOSED = new AdjustmentProposed("a1", "p1", "r1", MINUS, "double counted",
            "alice");
    static final String ENTRY = AdjustmentBooked.entryIdFor("adjustment", "a1");

    private final AggregateTestFixture<Adjustment> fixture = new AggregateTestFixture<>(Adjustment.class);

    @Nested
    class Proposing {

        @Test
        void aNewAdjustmentIsProposed() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeAdjustment("a1", P1, R1, MINUS, "double counted", "alice"))
                    .expectEvents(PROPOSED)
                    .expectResultMessagePayload(true);
        }

        @Test
        void theSameProposalAgainChangesNothing() {
            fixture.given(PROPOSED)
                    .when(new ProposeAdjustment("a1", P1, R1, Money.of("-12.5", "EUR"), "double counted",
                            "bob"))
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void anotherProposalUnderTheSameIdIsAConflict() {
            fixture.given(PROPOSED)
                    .when(new ProposeAdjustment("a1", P1, R1, Money.of("-12.00", "EUR"), "double counted",
                            "alice"))
                    .expectException(refused(Reason.CONFLICT, ProblemTypes.CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void aZeroAmountIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeAdjustment("a1", P1, null, Money.of("0.00", "EUR"), "nothing", "alice"))
                    .expectException(refused(Reason.INVALID, ProblemTypes.VALIDATION_FAILED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Approving {

        @Test
        void anotherFinanceUserApprovesAndTheEntryIsBookedAtOnce() {
            fixture.given(PROPOSED)
                    .when(new ApproveAdjustment("a1", "bob", TODAY))
                    .expectEvents(new AdjustmentApproved("a1", ENTRY, "bob", TODAY),
                            new AdjustmentBooked(ENTRY, "a1", null, "p1", "r1", MINUS, "double counted", "alice",
                                    "bob", TODAY));
        }

        @Test
        void theProposerMayNotApprove() {
            fixture.given(PROPOSED)
                    .when(new ApproveAdjustment("a1", "alice", TODAY))
                    .expectException(FourEyesException.class)
                    .expectException(refused(Reason.FORBIDDEN, FourEyesException.SLUG))
                    .expectNoEvents();
        }

        @Test
        void approvingTwiceBooksOnce() {
            fixture.given(PROPOSED, new AdjustmentApproved("a1", ENTRY, "bob", TODAY))
                    .when(new ApproveAdjustment("a1", "carol", TODAY))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aRejectedAdjustmentCannotBeApproved() {
            fixture.given(PROPOSED, new AdjustmentRejected("a1", "wrong partner", "bob"))
                    .when(new ApproveAdjustment("a1", "bob", TODAY))
                    .expectException(refused(Reason.CONFLICT, ProblemTypes.ILLEGAL_TRANSITION,
                            Map.of("currentStatus", "REJECTED", "allowedStatuses", List.of("PROPOSED"))))
                    .expectNoEvents();
        }
    }

    @Nested
    class Rejecting {

        @Test
        void aProposalIsRejectedWithItsReasonAndNothingIsBooked() {
            fixture.given(PROPOSED)
                    .when(new RejectAdjustment("a1", "wrong partner", "bob"))
                    .expectEvents(new AdjustmentRejected("a1", "wrong partner", "bob"));
        }

        @Test
        void anApprovedAdjustmentCannotBeRejected() {
            fixture.given(PROPOSED, new AdjustmentApproved("a1", ENTRY, "bob", TODAY))
                    .when(new RejectAdjustment("a1", "too late", "carol"))
                    .expectException(refused(Reason.CONFLICT, ProblemTypes.ILLEGAL_TRANSITION,
                            Map.of("currentStatus", "APPROVED")))
                    .expectNoEvents();
        }

        @Test
        void rejectingTwiceChangesNothing() {
            fixture.given(PROPOSED, new AdjustmentRejected("a1", "wrong partner", "bob"))
                    .when(new RejectAdjustment("a1", "again", "bob"))
                    .expectNoEvents();
        }
    }
}
