package com.rapport.commission.payout;

import com.rapport.commission.ledger.FourEyesException;
import com.rapport.events.money.Money;
import com.rapport.support.domain.CommandRefused.Reason;
import com.rapport.support.problem.ProblemTypes;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.rapport.support.domain.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

class PayoutBatchTest {

    static final LocalDate AS_OF = LocalDate.parse("2026-11-15");
    static final LocalDate PAID_ON = LocalDate.parse("2026-11-17");
    static final BatchLine P_EUR = new BatchLine("p", Money.of("100.00", "EUR"), List.of("e1", "e2"));
    static final BatchLine Q_JPY = new BatchLine("q", Money.of("5000", "JPY"), List.of("e3"));
    static final List<SkippedLine> NONE = List.of();

    private final AggregateTestFixture<PayoutBatch> fixture = new AggregateTestFixture<>(PayoutBatch.class);
    /** The claim register: entryId → batchId, insert-if-absent like the real one. */
    private final Map<String, String> claims = new HashMap<>();

    @BeforeEach
    void registerClaims() {
        fixture.registerInjectableResource((BatchClaims) (batchId, entryIds) -> heldElsewhere(batchId, entryIds));
    }

    private List<String> heldElsewhere(String batchId, Collection<String> entryIds) {
        List<String> elsewhere = new ArrayList<>();
        for (String entryId : entryIds) {
            if (!claims.computeIfAbsent(entryId, id -> batchId).equals(batchId)) {
                elsewhere.add(entryId);
            }
        }
        return elsewhere;
    }

    private static PayoutBatchCreated created(List<BatchLine> lines) {
        return new PayoutBatchCreated("b", AS_OF, lines, "alice", NONE);
    }

    @Nested
    class Opening {

        @Test
        void aBatchOpensOverItsClaimedLinesAndRemembersItsCreatorAndSkippedLines() {
            List<SkippedLine> skipped = List.of(new SkippedLine("r", "EUR", Money.of("20.00", "EUR"),
                    SkippedLine.NO_TAX_PROFILE));
            fixture.givenNoPriorActivity()
                    .when(new CreatePayoutBatch("b", AS_OF, List.of(P_EUR, Q_JPY), "alice", skipped))
                    .expectEvents(new PayoutBatchCreated("b", AS_OF, List.of(P_EUR, Q_JPY), "alice", skipped));
        }

        @Test
        void aLineThatIsNotPositiveIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreatePayoutBatch("b", AS_OF, List.of(new BatchLine("p", Money.of("-1.00", "EUR"),
                            List.of("e1")))))
                    .expectException(IllegalArgumentException.class);
        }

        @Test
        void aBatchDoesNotOpenOverAnEntryAnotherBatchHolds() {
            claims.put("e2", "other");
            fixture.givenNoPriorActivity()
                    .when(new CreatePayoutBatch("b", AS_OF, List.of(P_EUR), "alice", NONE))
                    .expectException(refused(Reason.CONFLICT, "entries-in-another-batch",
                            Map.of("entryIds", List.of("e2"))))
                    .expectNoEvents();
        }

        @Test
        void anAbandonedBatchNeverOpens() {
            fixture.given(new PayoutBatchAbandoned("b"))
                    .when(new CreatePayoutBatch("b", AS_OF, List.of(P_EUR), "alice", NONE))
                    .expectException(Exception.class);
        }
    }

    @Nested
    class SettlingABatchInDoubt {

        @Test
        void aBatchThatIsNotThereIsAbandonedForGood() {
            fixture.givenNoPriorActivity()
                    .when(new AbandonPayoutBatch("b"))
                    .expectEvents(new PayoutBatchAbandoned("b"))
                    .expectResultMessagePayload(BatchStatus.ABANDONED);
        }

        @Test
        void aBatchThatOpenedStaysOpen() {
            fixture.given(created(List.of(P_EUR)))
                    .when(new AbandonPayoutBatch("b"))
                    .expectNoEvents()
                    .expectResultMessagePayload(BatchStatus.OPEN);
        }

        @Test
        void abandoningTwiceChangesNothing() {
            fixture.given(new PayoutBatchAbandoned("b"))
                    .when(new AbandonPayoutBatch("b"))
                    .expectNoEvents()
                    .expectResultMessagePayload(BatchStatus.ABANDONED);
        }

        @Test
        void anAbandonedBatchCannotBeConfirmedOrCancelled() {
            fixture.given(new PayoutBatchAbandoned("b"))
                    .when(new ConfirmPayoutBatch("b", PAID_ON, "bob"))
                    .expectException(refused(Reason.NOT_FOUND, ProblemTypes.NOT_FOUND))
                    .expectNoEvents();
            fixture.given(new PayoutBatchAbandoned("b"))
                    .when(new CancelPayoutBatch("b"))
                    .expectException(refused(Reason.NOT_FOUND, ProblemTypes.NOT_FOUND))
                    .expectNoEvents();
        }
    }

    @Nested
    class Confirming {

        @Test
        void confirmingByAnotherFinanceUserPaysEveryLineOnce() {
            fixture.given(created(List.of(P_EUR, Q_JPY)))
                    .when(new ConfirmPayoutBatch("b", PAID_ON, "bob"))
                    .expectEvents(
                            new PayoutLinePaid("b", PayoutBatch.payoutEntryId("b", P_EUR), "p", P_EUR.amount(),
                                    PAID_ON, AS_OF),
                            new PayoutLinePaid("b", PayoutBatch.payoutEntryId("b", Q_JPY), "q", Q_JPY.amount(),
                                    PAID_ON, AS_OF),
                            new PayoutBatchPaid("b", PAID_ON, List.of(P_EUR, Q_JPY)));
        }

        @Test
        void theCreatorMayNotConfirm() {
            fixture.given(created(List.of(P_EUR)))
                    .when(new ConfirmPayoutBatch("b", PAID_ON, "alice"))
                    .expectException(FourEyesException.class)
                    .expectException(refused(Reason.FORBIDDEN, FourEyesException.SLUG))
                    .expectNoEvents();
        }

        @Test
        void aBatchWhoseEntryAnotherBatchHoldsIsNotPaid() {
            claims.put("e1", "b");
            claims.put("e2", "other");
            fixture.given(created(List.of(P_EUR)))
                    .when(new ConfirmPayoutBatch("b", PAID_ON, "bob"))
                    .expectException(refused(Reason.CONFLICT, "entries-in-another-batch"))
                    .expectNoEvents();
        }

        @Test
        void confirmingReclaimsAClaimThatWentMissing() {
            fixture.given(created(List.of(P_EUR)))
                    .when(new ConfirmPayoutBatch("b", PAID_ON, "bob"))
                    .expectSuccessfulHandlerExecution();
            assertThat(claims).containsEntry("e1", "b").containsEntry("e2", "b");
        }

        @Test
        void confirmingAPaidBatchAgainChangesNothing() {
            fixture.given(created(List.of(P_EUR)), new PayoutBatchPaid("b", PAID_ON, List.of(P_EUR)))
                    .when(new ConfirmPayoutBatch("b", PAID_ON, "bob"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aCancelledBatchCannotBeConfirmed() {
            fixture.given(created(List.of(P_EUR)), new PayoutBatchCancelled("b", List.of(P_EUR)))
                    .when(new ConfirmPayoutBatch("b", PAID_ON, "bob"))
                    .expectException(IllegalBatchTransitionException.class)
                    .expectException(refused(Reason.CONFLICT, ProblemTypes.ILLEGAL_TRANSITION,
                            Map.of("currentStatus", "CANCELLED", "allowedStatuses", List.of("OPEN"))));
        }
    }

    @Nested
    class Cancelling {

        @Test
        void cancellingAnOpenBatchLetsItsEntriesGo() {
            fixture.given(created(List.of(P_EUR)))
                    .when(new CancelPayoutBatch("b"))
                    .expectEvents(new PayoutBatchCancelled("b", List.of(P_EUR)));
        }

        @Test
        void cancellingTwiceChangesNothing() {
            fixture.given(created(List.of(P_EUR)), new PayoutBatchCancelled("b", List.of(P_EUR)))
                    .when(new CancelPayoutBatch("b"))
                    .expectNoEvents();
        }

        @Test
        void aPaidBatchCannotBeCancelled() {
            fixture.given(created(List.of(P_EUR)), new PayoutBatchPaid("b", PAID_ON, List.of(P_EUR)))
                    .when(new CancelPayoutBatch("b"))
                    .expectException(IllegalBatchTransitionException.class)
                    .expectException(refused(Reason.CONFLICT, ProblemTypes.ILLEGAL_TRANSITION,
                            Map.of("currentStatus", "PAID")));
        }
    }
}
