package com.rapport.commission.payout;

import com.rapport.commission.payout.PayoutCommands.CancelPayoutBatch;
import com.rapport.commission.payout.PayoutCommands.ConfirmPayoutBatch;
import com.rapport.commission.payout.PayoutCommands.CreatePayoutBatch;
import com.rapport.commission.payout.PayoutEvents.PayoutBatchCancelled;
import com.rapport.commission.payout.PayoutEvents.PayoutBatchCreated;
import com.rapport.commission.payout.PayoutEvents.PayoutBatchPaid;
import com.rapport.commission.payout.PayoutEvents.PayoutLinePaid;
import com.rapport.events.money.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

class PayoutBatchTest {

    static final LocalDate AS_OF = LocalDate.parse("2026-11-15");
    static final LocalDate PAID_ON = LocalDate.parse("2026-11-17");
    static final BatchLine P_EUR = new BatchLine("p", Money.of("100.00", "EUR"), List.of("e1", "e2"));
    static final BatchLine Q_JPY = new BatchLine("q", Money.of("5000", "JPY"), List.of("e3"));

    private final AggregateTestFixture<PayoutBatch> fixture = new AggregateTestFixture<>(PayoutBatch.class);

    @Test
    void aBatchOpensOverItsClaimedLines() {
        fixture.givenNoPriorActivity()
                .when(new CreatePayoutBatch("b", AS_OF, List.of(P_EUR, Q_JPY)))
                .expectEvents(new PayoutBatchCreated("b", AS_OF, List.of(P_EUR, Q_JPY)));
    }

    @Test
    void aLineThatIsNotPositiveIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreatePayoutBatch("b", AS_OF, List.of(new BatchLine("p", Money.of("-1.00", "EUR"),
                        List.of("e1")))))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void confirmingPaysEveryLineOnce() {
        fixture.given(new PayoutBatchCreated("b", AS_OF, List.of(P_EUR, Q_JPY)))
                .when(new ConfirmPayoutBatch("b", PAID_ON))
                .expectEvents(
                        new PayoutLinePaid("b", PayoutBatch.payoutEntryId("b", P_EUR), "p", P_EUR.amount(), PAID_ON,
                                AS_OF),
                        new PayoutLinePaid("b", PayoutBatch.payoutEntryId("b", Q_JPY), "q", Q_JPY.amount(), PAID_ON,
                                AS_OF),
                        new PayoutBatchPaid("b", PAID_ON, List.of(P_EUR, Q_JPY)));
    }

    @Test
    void confirmingAPaidBatchAgainChangesNothing() {
        fixture.given(new PayoutBatchCreated("b", AS_OF, List.of(P_EUR)), new PayoutBatchPaid("b", PAID_ON, List.of(P_EUR)))
                .when(new ConfirmPayoutBatch("b", PAID_ON))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCancelledBatchCannotBeConfirmed() {
        fixture.given(new PayoutBatchCreated("b", AS_OF, List.of(P_EUR)), new PayoutBatchCancelled("b", List.of(P_EUR)))
                .when(new ConfirmPayoutBatch("b", PAID_ON))
                .expectException(IllegalBatchTransitionException.class);
    }

    @Test
    void cancellingAnOpenBatchLetsItsEntriesGo() {
        fixture.given(new PayoutBatchCreated("b", AS_OF, List.of(P_EUR)))
                .when(new CancelPayoutBatch("b"))
                .expectEvents(new PayoutBatchCancelled("b", List.of(P_EUR)));
    }

    @Test
    void cancellingTwiceChangesNothing() {
        fixture.given(new PayoutBatchCreated("b", AS_OF, List.of(P_EUR)), new PayoutBatchCancelled("b", List.of(P_EUR)))
                .when(new CancelPayoutBatch("b"))
                .expectNoEvents();
    }

    @Test
    void aPaidBatchCannotBeCancelled() {
        fixture.given(new PayoutBatchCreated("b", AS_OF, List.of(P_EUR)), new PayoutBatchPaid("b", PAID_ON, List.of(P_EUR)))
                .when(new CancelPayoutBatch("b"))
                .expectException(IllegalBatchTransitionException.class);
    }
}
