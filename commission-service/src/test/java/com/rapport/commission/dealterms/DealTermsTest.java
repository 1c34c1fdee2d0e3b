package com.rapport.commission.dealterms;

import com.rapport.commission.dealterms.DealTerms.LockedTerms;
import com.rapport.events.money.Money;
import com.rapport.support.domain.CommandRefused.Reason;
import com.rapport.support.id.ReferralId;
import com.rapport.support.problem.ProblemTypes;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static com.rapport.support.domain.Refusals.refused;

/** COMMISSIONS.md "Per-deal terms": agreed before the contract, locked at it. */
class DealTermsTest {

    static final ReferralId R_1 = ReferralId.of("r-1");

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    static final AgreedTerms FEE = new AgreedTerms(null, Money.of("1000.00", "EUR"), null, "introduced the CFO");
    static final AgreedTerms RATE = new AgreedTerms(new BigDecimal("0.08"), null, Money.of("500.00", "EUR"),
            "strategic");

    private AggregateTestFixture<DealTerms> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DealTerms.class);
    }

    @Nested
    class BeforeTheContract {

        @Test
        void termsAreAgreed() {
            fixture.givenNoPriorActivity()
                    .when(new AgreeDealTerms(R_1, FEE, "finance", NOW))
                    .expectEvents(new DealTermsAgreed("r-1", FEE, "finance", NOW))
                    .expectResultMessagePayload(FEE);
        }

        @Test
        void termsMayBeChanged() {
            fixture.given(new DealTermsAgreed("r-1", FEE, "finance", NOW))
                    .when(new AgreeDealTerms(R_1, RATE, "finance-2", NOW))
                    .expectEvents(new DealTermsAgreed("r-1", RATE, "finance-2", NOW));
        }

        @Test
        void theSameTermsAgainChangeNothing() {
            fixture.given(new DealTermsAgreed("r-1", FEE, "finance", NOW))
                    .when(new AgreeDealTerms(R_1, FEE, "finance", NOW))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void bothARateAndAFlatFeeAreRefused() {
            fixture.givenNoPriorActivity()
                    .when(new AgreeDealTerms(R_1, new AgreedTerms(new BigDecimal("0.08"),
                            Money.of("1000.00", "EUR"), null, "both"), "finance", NOW))
                    .expectException(InvalidDealTermsException.class)
                    .expectException(refused(Reason.INVALID, ProblemTypes.VALIDATION_FAILED))
                    .expectNoEvents();
        }

        @Test
        void aRateAboveOneIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new AgreeDealTerms(R_1, new AgreedTerms(new BigDecimal("1.01"), null, null, "x"),
                            "finance", NOW))
                    .expectException(InvalidDealTermsException.class)
                    .expectException(refused(Reason.INVALID, ProblemTypes.VALIDATION_FAILED));
        }
    }

    @Nested
    class AtTheContract {

        @Test
        void agreedTermsAreLockedAndAnswered() {
            fixture.given(new DealTermsAgreed("r-1", FEE, "finance", NOW))
                    .when(new LockDealTerms(R_1, "e-contract", NOW))
                    .expectEvents(new DealTermsLocked("r-1", FEE, "e-contract", NOW))
                    .expectResultMessagePayload(new LockedTerms(FEE));
        }

        @Test
        void aContractWithoutAgreedTermsLocksThePlanInForce() {
            fixture.givenNoPriorActivity()
                    .when(new LockDealTerms(R_1, "e-contract", NOW))
                    .expectEvents(new DealTermsLocked("r-1", null, "e-contract", NOW))
                    .expectResultMessagePayload(new LockedTerms(null));
        }

        @Test
        void theSameContractAgainAnswersTheSameTermsAndChangesNothing() {
            fixture.given(new DealTermsAgreed("r-1", FEE, "finance", NOW),
                            new DealTermsLocked("r-1", FEE, "e-contract", NOW))
                    .when(new LockDealTerms(R_1, "e-contract", NOW))
                    .expectNoEvents()
                    .expectResultMessagePayload(new LockedTerms(FEE));
        }
    }

    @Nested
    class AfterTheContract {

        @Test
        void changingTheTermsIsRefusedAsLocked() {
            fixture.given(new DealTermsAgreed("r-1", FEE, "finance", NOW),
                            new DealTermsLocked("r-1", FEE, "e-contract", NOW))
                    .when(new AgreeDealTerms(R_1, RATE, "finance", NOW))
                    .expectException(TermsLockedException.class)
                    .expectException(refused(Reason.CONFLICT, TermsLockedException.TERMS_LOCKED))
                    .expectNoEvents();
        }

        @Test
        void termsForAContractSignedWithoutThemAreRefusedAsLocked() {
            fixture.given(new DealTermsLocked("r-1", null, "e-contract", NOW))
                    .when(new AgreeDealTerms(R_1, FEE, "finance", NOW))
                    .expectException(TermsLockedException.class)
                    .expectException(refused(Reason.CONFLICT, TermsLockedException.TERMS_LOCKED));
        }
    }
}
