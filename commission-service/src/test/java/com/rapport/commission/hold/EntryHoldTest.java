package com.rapport.commission.hold;

import com.rapport.commission.adjustment.AdjustmentEvents;
import com.rapport.commission.adjustment.AdjustmentEvents.AdjustmentBooked;
import com.rapport.commission.dispute.DisputeCommands.OpenDispute;
import com.rapport.commission.dispute.DisputeCommands.ResolveDispute;
import com.rapport.commission.dispute.DisputeEvents.DisputeOpened;
import com.rapport.commission.dispute.DisputeEvents.DisputeResolved;
import com.rapport.commission.dispute.DisputeOutcome;
import com.rapport.commission.hold.HoldCommands.HoldEntry;
import com.rapport.commission.hold.HoldCommands.ReleaseEntry;
import com.rapport.commission.hold.HoldEvents.EntryHeld;
import com.rapport.commission.hold.HoldEvents.EntryReleased;
import com.rapport.events.money.Money;
import com.rapport.support.problem.ProblemException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

class EntryHoldTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-11-26");
    static final EntryHeld FINANCE_HOLD = new EntryHeld("e1", "p1", "client insolvent", NOW, "alice", null);
    static final DisputeOpened OPENED = new DisputeOpened("d1", "e1", "p1", "r1", "rate should be 12%", "partner-p1",
            NOW);
    static final EntryHeld DISPUTE_HOLD = new EntryHeld("e1", "p1", "Disputed: rate should be 12%", NOW,
            "partner-p1", "d1");

    private final AggregateTestFixture<EntryHold> fixture = new AggregateTestFixture<>(EntryHold.class);
    /** The claim register as the aggregate sees it: entry id → the batch holding it (none: free). */
    private final Map<String, EntryBatches.Batch> batches = new HashMap<>();

    @BeforeEach
    void claimRegister() {
        fixture.registerInjectableResource((EntryBatches) entryId -> Optional.ofNullable(batches.get(entryId)));
    }

    @Nested
    class FinanceHolds {

        @Test
        void aFreeEntryIsHeld() {
            fixture.givenNoPriorActivity()
                    .when(new HoldEntry("e1", "p1", "client insolvent", "alice", NOW))
                    .expectEvents(FINANCE_HOLD);
        }

        @Test
        void anEntryAPaidBatchPaidOutCannotBeHeld() {
            batches.put("e1", new EntryBatches.Batch("b1", true));
            fixture.givenNoPriorActivity()
                    .when(new HoldEntry("e1", "p1", "client insolvent", "alice", NOW))
                    .expectException(ProblemException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("paid out in batch b1"))
                    .expectNoEvents();
        }

        @Test
        void anEntryAnOpenBatchClaimedCannotBeHeld() {
            batches.put("e1", new EntryBatches.Batch("b1", false));
            fixture.givenNoPriorActivity()
                    .when(new HoldEntry("e1", "p1", "client insolvent", "alice", NOW))
                    .expectException(ProblemException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("open payout batch b1"))
                    .expectNoEvents();
        }

        @Test
        void anEntryReleasedAndThenPaidCannotBeHeldAgain() {
            batches.put("e1", new EntryBatches.Batch("b1", true));
            fixture.given(FINANCE_HOLD, new EntryReleased("e1", "p1", "client paid", "bob", null))
                    .when(new HoldEntry("e1", "p1", "again", "alice", NOW))
                    .expectException(ProblemException.class)
                    .expectNoEvents();
        }

        @Test
        void holdingAgainChangesNothing() {
            fixture.given(FINANCE_HOLD)
                    .when(new HoldEntry("e1", "p1", "another reason", "bob", NOW))
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
                    .expectException(ProblemException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Disputes {

        @Test
        void openingADisputeHoldsTheEntry() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDispute("e1", "d1", "p1", "r1", "rate should be 12%", "partner-p1", NOW))
                    .expectEvents(OPENED, DISPUTE_HOLD);
        }

        @Test
        void aDisputeOnAnEntryFinanceHoldsAddsNoSecondHold() {
            fixture.given(FINANCE_HOLD)
                    .when(new OpenDispute("e1", "d1", "p1", "r1", "rate should be 12%", "partner-p1", NOW))
                    .expectEvents(OPENED);
        }

        @Test
        void upheldWithAnAdjustmentBooksItAndReleasesTheEntry() {
            Money adjustment = Money.of("20.00", "EUR");
            String entry = AdjustmentEvents.entryIdFor("dispute", "d1");
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
                    .expectException(ProblemException.class)
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
                    .expectException(ProblemException.class);
        }

        @Test
        void anUnknownDisputeIsNotFound() {
            fixture.given(FINANCE_HOLD)
                    .when(new ResolveDispute("e1", "d9", DisputeOutcome.DISMISSED, "no", null, "bob", TODAY))
                    .expectException(ProblemException.class);
        }
    }
}
