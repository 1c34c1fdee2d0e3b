package com.rapport.commission.hold;

import com.rapport.commission.adjustment.AdjustmentBooked;
import com.rapport.commission.dispute.DisputeOpened;
import com.rapport.commission.dispute.DisputeOutcome;
import com.rapport.commission.dispute.DisputeResolved;
import com.rapport.commission.dispute.OpenDispute;
import com.rapport.commission.dispute.ResolveDispute;
import com.rapport.events.money.Money;
import com.rapport.support.domain.CommandRefused.Reason;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import com.rapport.support.problem.ProblemTypes;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static com.rapport.support.domain.Refusals.refused;

class EntryHoldTest {

    static final PartnerId P1 = PartnerId.of("p1");
    static final ReferralId R1 = ReferralId.of("r1");

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-11-26");
    static final EntryHeld FINANCE_HOLD = new EntryHeld("e1", "p1", "client insolvent", NOW, "alice", null);
    static final DisputeOpened OPENED = new DisputeOpened("d1", "e1", "p1", "r1", "rate should be 12%", "partner-p1",
            NOW);
    static final EntryHeld DISPUTE_HOLD = new EntryHeld("e1", "p1", "Disputed: rate should be 12%", NOW,
            "partner-p1", "d1");

    /** What the claim register answered before the hold was asked for. */
    static final EntryBatches.Batch FREE = null;
    static final EntryBatches.Batch PAID_BY_B1 = new EntryBatches.Batch("b1", true);
    static final EntryBatches.Batch CLAIMED_BY_OPEN_B1 = new EntryBatches.Batch("b1", false);

    private final AggregateTestFixture<EntryHold> fixture = new AggregateTestFixture<>(EntryHold.class);

    @Nested
    class FinanceHolds {

        @Test
        void aFreeEntryIsHeld() {
            fixture.givenNoPriorActivity()
                    .when(new HoldEntry("e1", P1, "client insolvent", "alice", NOW, FREE))
                    .expectEvents(FINANCE_HOLD);
        }

        @Test
        void anEntryAPaidBatchPaidOutCannotBeHeld() {
            fixture.givenNoPriorActivity()
                    .when(new HoldEntry("e1", P1, "client insolvent", "alice", NOW, PAID_BY_B1))
                    .expectException(refused(Reason.CONFLICT, EntryHold.ENTRY_ALREADY_PAID))
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("paid out in batch b1"))
                    .expectNoEvents();
        }

        @Test
        void anEntryAnOpenBatchClaimedCannotBeHeld() {
            fixture.givenNoPriorActivity()
                    .when(new HoldEntry("e1", P1, "client insolvent", "alice", NOW, CLAIMED_BY_OPEN_B1))
                    .expectException(refused(Reason.CONFLICT, EntryHold.ENTRY_IN_OPEN_BATCH))
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("open payout batch b1"))
                    .expectNoEvents();
        }

        @Test
        void anEntryReleasedAndThenPaidCannotBeHeldAgain() {
            fixture.given(FINANCE_HOLD, new EntryReleased("e1", "p1", "client paid", "bob", null))
                    .when(new HoldEntry("e1", P1, "again", "alice", NOW, PAID_BY_B1))
                    .expectException(refused(Reason.CONFLICT, EntryHold.ENTRY_ALREADY_PAID))
                    .expectNoEvents();
        }

        @Test
        void holdingAgainChangesNothing() {
            fixture.given(FINANCE_HOLD)
                    .when(new HoldEntry("e1", P1, "another reason", "bob", NOW, FREE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void holdingAgainAnEntryABatchClaimedSinceChangesNothing() {
            // the batch took it despite the hold (the hold raced its creation): the answer stays the entry as it is
            fixture.given(FINANCE_HOLD)
                    .when(new HoldEntry("e1", P1, "another reason", "bob", NOW, CLAIMED_BY_OPEN_B1))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aDisputedEntryAnOpenBatchClaimedCannotBeHeldByFinanceToo() {
            fixture.given(OPENED, DISPUTE_HOLD)
                    .when(new HoldEntry("e1", P1, "client insolvent", "alice", NOW, CLAIMED_BY_OPEN_B1))
                    .expectException(refused(Reason.CONFLICT, EntryHold.ENTRY_IN_OPEN_BATCH))
                    .expectNoEvents();
        }

        @Test
        void releasingFreesTheEntry() {
            fixture.given(FINANCE_HOLD)
                    .when(new ReleaseEntry("e1", "client paid", "bob"))
                    .expectEvents(new EntryReleased("e1", "p1", "client paid", "bob", null));
        }

        @Test
        void releasingAFreeEntryChangesNothing() {
            fixture.given(FINANCE_HOLD, new EntryReleased("e1", "p1", "client paid", "bob", null))
                    .when(new ReleaseEntry("e1", "again", "bob"))
                    .expectNoEvents();
        }

        @Test
        void anOpenDisputeKeepsTheEntryHeld() {
            fixture.given(OPENED, DISPUTE_HOLD)
                    .when(new ReleaseEntry("e1", "let it go", "bob"))
                    .expectException(refused(Reason.CONFLICT, "dispute-open"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Disputes {

        @Test
        void openingADisputeHoldsTheEntry() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDispute("e1", "d1", P1, R1, "rate should be 12%", "partner-p1", NOW))
                    .expectEvents(OPENED, DISPUTE_HOLD);
        }

        @Test
        void aDisputeOnAnEntryFinanceHoldsAddsNoSecondHold() {
            fixture.given(FINANCE_HOLD)
                    .when(new OpenDispute("e1", "d1", P1, R1, "rate should be 12%", "partner-p1", NOW))
                    .expectEvents(OPENED);
        }

        @Test
        void upheldWithAnAdjustmentBooksItAndReleasesTheEntry() {
            Money adjustment = Money.of("20.00", "EUR");
            String entry = AdjustmentBooked.entryIdFor("dispute", "d1");
            fixture.given(OPENED, DISPUTE_HOLD)
                    .when(new ResolveDispute("e1", "d1", DisputeOutcome.UPHELD, "tier 2 applies", adjustment, "bob",
                            TODAY))
                    .expectEvents(new DisputeResolved("d1", "e1", "p1", DisputeOutcome.UPHELD, "tier 2 applies",
                                    adjustment, entry, "bob"),
                            new AdjustmentBooked(entry, null, "d1", "p1", "r1", adjustment,
                                    "Dispute d1 upheld: tier 2 applies", null, "bob", TODAY),
                            new EntryReleased("e1", "p1", "Dispute d1 UPHELD", "bob", "d1"));
        }

        @Test
        void dismissedReleasesTheEntryButNotFinancesOwnHold() {
            fixture.given(FINANCE_HOLD, OPENED)
                    .when(new ResolveDispute("e1", "d1", DisputeOutcome.DISMISSED, "rate is right", null, "bob",
                            TODAY))
                    .expectEvents(new DisputeResolved("d1", "e1", "p1", DisputeOutcome.DISMISSED, "rate is right",
                            null, null, "bob"));
        }

        @Test
        void aDismissedDisputeCarriesNoAdjustment() {
            fixture.given(OPENED, DISPUTE_HOLD)
                    .when(new ResolveDispute("e1", "d1", DisputeOutcome.DISMISSED, "no", Money.of("1.00", "EUR"),
                            "bob", TODAY))
                    .expectException(refused(Reason.INVALID, ProblemTypes.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void resolvingAgainTheSameWayChangesNothingAnotherWayIsAConflict() {
            DisputeResolved resolved = new DisputeResolved("d1", "e1", "p1", DisputeOutcome.DISMISSED, "no", null,
                    null, "bob");
            fixture.given(OPENED, DISPUTE_HOLD, resolved)
                    .when(new ResolveDispute("e1", "d1", DisputeOutcome.DISMISSED, "no", null, "bob", TODAY))
                    .expectNoEvents();
            fixture.given(OPENED, DISPUTE_HOLD, resolved)
                    .when(new ResolveDispute("e1", "d1", DisputeOutcome.UPHELD, "yes", null, "bob", TODAY))
                    .expectException(refused(Reason.CONFLICT, ProblemTypes.ILLEGAL_TRANSITION));
        }

        @Test
        void anUnknownDisputeIsNotFound() {
            fixture.given(FINANCE_HOLD)
                    .when(new ResolveDispute("e1", "d9", DisputeOutcome.DISMISSED, "no", null, "bob", TODAY))
                    .expectException(refused(Reason.NOT_FOUND, ProblemTypes.NOT_FOUND));
        }
    }
}
