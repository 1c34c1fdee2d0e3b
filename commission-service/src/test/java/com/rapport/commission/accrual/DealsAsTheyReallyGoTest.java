package com.rapport.commission.accrual;

import com.rapport.commission.dealterms.AgreedTerms;
import com.rapport.commission.plan.PlanTerms;
import com.rapport.commission.plan.PlanVersion;
import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;
import com.rapport.events.referral.ScheduledInstalment;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.rapport.commission.accrual.ReferralCommissionTest.STANDARD;
import static com.rapport.commission.accrual.ReferralCommissionTest.STANDARD_V1;
import static com.rapport.events.commission.CommissionRole.INTRODUCER;
import static com.rapport.events.commission.CommissionRole.OVERRIDE;

/** COMMISSIONS.md "Co-introducers", "Per-deal terms" and "Amendments" on the ReferralCommission aggregate. */
class DealsAsTheyReallyGoTest {

    static final ReferralId R_1 = ReferralId.of("r-1");
    static final PartnerId PARTNER_P = PartnerId.of("p");
    static final PartnerId PARTNER_Q = PartnerId.of("q");
    static final PartnerId PARTNER_R = PartnerId.of("r");

    static final Instant SIGNED = Instant.parse("2026-11-02T09:00:00Z");
    static final BigDecimal TEN = new BigDecimal("0.10");
    static final BigDecimal TWELVE = new BigDecimal("0.12");
    static final BigDecimal TWO = new BigDecimal("0.02");
    static final BigDecimal SIXTY = new BigDecimal("0.6");
    static final BigDecimal FORTY = new BigDecimal("0.4");

    private AggregateTestFixture<ReferralCommission> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReferralCommission.class);
    }

    @Nested
    class CoIntroducers {

        static final Money CONTRACT = eur("10000.00");

        LockCommission split(String eventId) {
            return new LockCommission(R_1, eventId, CONTRACT, SIGNED, List.of(
                    new Introducer(PARTNER_P, "Partner P", SIXTY, PARTNER_Q, 3, STANDARD_V1),
                    new Introducer(PARTNER_R, "Partner R", FORTY, null, 1, STANDARD_V1)), null);
        }

        RateLocked pLocked() {
            return new RateLocked("r-1", INTRODUCER, "p", "standard", 1, TWELVE, 2, "tier 2: contracts 3 to 5",
                    null, CONTRACT, 3, SIGNED, 14, "p", "Partner P", "e-contract", SIXTY, null, false);
        }

        RateLocked qLocked() {
            return new RateLocked("r-1", OVERRIDE, "q", "standard", 1, TWO, 0, "override", null, CONTRACT, 3,
                    SIGNED, 14, "p", "Partner P", "e-contract", SIXTY, null, false);
        }

        RateLocked rLocked() {
            return new RateLocked("r-1", INTRODUCER, "r", "standard", 1, TEN, 1, "tier 1: first 2 contracts", null,
                    CONTRACT, 1, SIGNED, 14, "r", "Partner R", "e-contract", FORTY, null, false);
        }

        @Test
        void eachCoIntroducerIsLockedWithItsOwnTierShareAndParentsOverride() {
            fixture.givenNoPriorActivity()
                    .when(split("e-contract"))
                    .expectEvents(pLocked(), qLocked(), rLocked());
        }

        @Test
        void aPaymentEarnsEachRoleOnItsShareRoundedOnItsOwn() {
            fixture.given(pLocked(), qLocked(), rLocked())
                    .when(new RecordClientPayment(R_1, "e-pay", "pay-1", eur("3333.33"), at("2026-11-10"),
                            LocalDate.parse("2026-11-10"), eur("3333.33")))
                    .expectEvents(new ClientPaymentRecorded("r-1", "e-pay", "pay-1", eur("3333.33"),
                                    at("2026-11-10"), LocalDate.parse("2026-11-10"), eur("3333.33")),
                            // 0.12 × 0.6 × 3,333.33 = 239.99976 → 240.00; 0.02 × 0.6 × … = 39.99996; 0.10 × 0.4 × … = 133.3332
                            accrued("e-pay", INTRODUCER, "p", "p", TWELVE, "240.00", "3333.33",
                                    "12% of your 60% share of a 3,333.33 EUR payment received 2026-11-10 "
                                            + "(contract 10,000.00 EUR; tier 2: contracts 3 to 5)"),
                            accrued("e-pay", OVERRIDE, "q", "p", TWO, "40.00", "3333.33",
                                    "2% override on the 60% share of a 3,333.33 EUR payment received 2026-11-10 "
                                            + "from a client of Partner P, a partner you introduced "
                                            + "(contract 10,000.00 EUR)"),
                            accrued("e-pay", INTRODUCER, "r", "r", TEN, "133.33", "3333.33",
                                    "10% of your 40% share of a 3,333.33 EUR payment received 2026-11-10 "
                                            + "(contract 10,000.00 EUR; tier 1: first 2 contracts)"));
        }

        @Test
        void sharesThatDoNotAddUpToOneAreRefused() {
            fixture.givenNoPriorActivity()
                    .when(new LockCommission(R_1, "e-contract", CONTRACT, SIGNED, List.of(
                            new Introducer(PARTNER_P, "Partner P", SIXTY, null, 1, STANDARD_V1),
                            new Introducer(PARTNER_R, "Partner R", SIXTY, null, 1, STANDARD_V1)), null))
                    .expectException(InconsistentReferralEventException.class);
        }

        @Test
        void theSamePartnerTwiceIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new LockCommission(R_1, "e-contract", CONTRACT, SIGNED, List.of(
                            new Introducer(PARTNER_P, "Partner P", new BigDecimal("0.5"), null, 1, STANDARD_V1),
                            new Introducer(PARTNER_P, "Partner P", new BigDecimal("0.5"), null, 1, STANDARD_V1)), null))
                    .expectException(InconsistentReferralEventException.class);
        }

        @Test
        void aContractWithoutIntroducersIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new LockCommission(R_1, "e-contract", CONTRACT, SIGNED, List.of(), null))
                    .expectException(InconsistentReferralEventException.class);
        }
    }

    @Nested
    class PerDealTerms {

        static final Money CONTRACT = eur("9000.00");
        static final AgreedTerms FEE = new AgreedTerms(null, eur("1000.00"), null, "introduced the CFO");

        LockCommission lock(AgreedTerms terms) {
            return new LockCommission(R_1, "e-contract", CONTRACT, SIGNED,
                    List.of(new Introducer(PARTNER_P, "Partner P", BigDecimal.ONE, PARTNER_Q, 1, STANDARD_V1)), terms);
        }

        RateLocked feeLocked() {
            return new RateLocked("r-1", INTRODUCER, "p", "standard", 1, null, 0, "terms agreed for this deal",
                    null, CONTRACT, 1, SIGNED, 14, "p", "Partner P", "e-contract", BigDecimal.ONE, eur("1000.00"),
                    true);
        }

        RateLocked overrideLocked() {
            return new RateLocked("r-1", OVERRIDE, "q", "standard", 1, TWO, 0, "override", null, CONTRACT, 1,
                    SIGNED, 14, "p", "Partner P", "e-contract", BigDecimal.ONE, null, false);
        }

        @Test
        void aFlatFeeIsLockedInsteadOfTheTierAndTheOverrideIsUnchanged() {
            fixture.givenNoPriorActivity()
                    .when(lock(FEE))
                    .expectEvents(feeLocked(), overrideLocked());
        }

        @Test
        void anAgreedRateReplacesTheTierRateAndItsCapThePlans() {
            AgreedTerms rate = new AgreedTerms(new BigDecimal("0.08"), null, eur("500.00"), "strategic");
            fixture.givenNoPriorActivity()
                    .when(lock(rate))
                    .expectEvents(new RateLocked("r-1", INTRODUCER, "p", "standard", 1, new BigDecimal("0.08"), 0,
                            "terms agreed for this deal", eur("500.00"), CONTRACT, 1, SIGNED, 14, "p", "Partner P",
                            "e-contract", BigDecimal.ONE, null, true), overrideLocked());
        }

        @Test
        void termsInAnotherCurrencyThanTheContractLeaveThePlanInForce() {
            AgreedTerms yen = new AgreedTerms(null, Money.of("100000", "JPY"), null, "wrong currency");
            fixture.givenNoPriorActivity()
                    .when(lock(yen))
                    .expectEvents(new RateLocked("r-1", INTRODUCER, "p", "standard", 1, TEN, 1,
                            "tier 1: first 2 contracts", null, CONTRACT, 1, SIGNED, 14, "p", "Partner P",
                            "e-contract", BigDecimal.ONE, null, false), overrideLocked());
        }

        /** The worked example of COMMISSIONS.md: fee 1,000.00 on 9,000.00 paid in three 3,000.00. */
        @Test
        void theFinderFeeIsEarnedAsTheClientPays_333_33_then_333_34_then_333_33() {
            fixture.given(feeLocked())
                    .when(pay("e-pay-1", "3000.00", "3000.00", "2026-11-10"))
                    .expectEvents(paid("e-pay-1", "3000.00", "3000.00", "2026-11-10"),
                            accrued("e-pay-1", INTRODUCER, "p", "p", null, "333.33", "3000.00", "2026-11-10",
                                    "333.33", "finder's fee 1,000.00 EUR agreed for this deal, 3,000.00 of "
                                            + "9,000.00 EUR received (a 3,000.00 EUR payment received 2026-11-10)"));
            fixture.given(feeLocked(), paid("e-pay-1", "3000.00", "3000.00", "2026-11-10"),
                            accrued("e-pay-1", INTRODUCER, "p", "p", null, "333.33", "3000.00", "2026-11-10",
                                    "333.33", "..."))
                    .when(pay("e-pay-2", "3000.00", "6000.00", "2026-11-20"))
                    .expectEvents(paid("e-pay-2", "3000.00", "6000.00", "2026-11-20"),
                            accrued("e-pay-2", INTRODUCER, "p", "p", null, "333.34", "3000.00", "2026-11-20",
                                    "666.67", "finder's fee 1,000.00 EUR agreed for this deal, 6,000.00 of "
                                            + "9,000.00 EUR received (a 3,000.00 EUR payment received 2026-11-20)"));
            fixture.given(feeLocked(), paid("e-pay-1", "3000.00", "3000.00", "2026-11-10"),
                            accrued("e-pay-1", INTRODUCER, "p", "p", null, "333.33", "3000.00", "2026-11-10",
                                    "333.33", "..."),
                            paid("e-pay-2", "3000.00", "6000.00", "2026-11-20"),
                            accrued("e-pay-2", INTRODUCER, "p", "p", null, "333.34", "3000.00", "2026-11-20",
                                    "666.67", "..."))
                    .when(pay("e-pay-3", "3000.00", "9000.00", "2026-11-30"))
                    .expectEvents(paid("e-pay-3", "3000.00", "9000.00", "2026-11-30"),
                            accrued("e-pay-3", INTRODUCER, "p", "p", null, "333.33", "3000.00", "2026-11-30",
                                    "1000.00", "finder's fee 1,000.00 EUR agreed for this deal, 9,000.00 of "
                                            + "9,000.00 EUR received (a 3,000.00 EUR payment received 2026-11-30)"));
        }

        @Test
        void aRefundReversesTheFeeInProportion() {
            fixture.given(feeLocked(), paid("e-pay-1", "6000.00", "6000.00", "2026-11-10"),
                            accrued("e-pay-1", INTRODUCER, "p", "p", null, "666.67", "6000.00", "2026-11-10",
                                    "666.67", "..."))
                    .when(new RecordClientRefund(R_1, "e-refund", "rf-1", eur("3000.00"), at("2026-11-25"),
                            LocalDate.parse("2026-11-25"), eur("3000.00")))
                    .expectEvents(new ClientRefundRecorded("r-1", "e-refund", "rf-1", eur("3000.00"),
                                    at("2026-11-25"), LocalDate.parse("2026-11-25"), eur("3000.00")),
                            new CommissionReversed(ReferralCommission.entryId("e-refund", INTRODUCER), "r-1", "p",
                                    INTRODUCER, eur("-333.34"), null, eur("-3000.00"),
                                    LocalDate.parse("2026-11-25"), LocalDate.parse("2026-11-25"),
                                    "finder's fee 1,000.00 EUR agreed for this deal, 3,000.00 of 9,000.00 EUR "
                                            + "received (a 3,000.00 EUR refund issued 2026-11-25, taken back)",
                                    "e-refund", eur("333.33"), "p"));
        }
    }

    @Nested
    class Amendments {

        static final Money CONTRACT = eur("10000.00");

        RateLocked locked() {
            return new RateLocked("r-1", INTRODUCER, "p", "standard", 1, TEN, 1, "tier 1: first 2 contracts",
                    eur("1100.00"), CONTRACT, 1, SIGNED, 14, "p", "Partner P", "e-contract", BigDecimal.ONE, null,
                    false);
        }

        @Test
        void anAmendmentChangesTheContractValueAndWritesNoEntry() {
            fixture.given(locked(), paid("e-pay-1", "5000.00", "5000.00", "2026-11-10"))
                    .when(new RecordContractAmendment(R_1, "e-amend", "a-1", eur("2000.00"), eur("12000.00"),
                            "more screens", at("2026-11-12")))
                    .expectEvents(new ContractAmended("r-1", "a-1", eur("2000.00"), eur("12000.00"), "more screens",
                            at("2026-11-12"), "e-amend"));
        }

        @Test
        void afterAnAmendmentTheLockedCapStaysAndCashUpToTheNewValueEarns() {
            fixture.given(locked(), new ContractAmended("r-1", "a-1", eur("2000.00"), eur("12000.00"), "more",
                            at("2026-11-12"), "e-amend"))
                    .when(pay("e-pay-1", "12000.00", "12000.00", "2026-11-20"))
                    .expectEvents(paid("e-pay-1", "12000.00", "12000.00", "2026-11-20"),
                            accrued("e-pay-1", INTRODUCER, "p", "p", TEN, "1100.00", "12000.00", "2026-11-20",
                                    "1100.00", "10% of a 12,000.00 EUR payment received 2026-11-20 "
                                            + "(contract 12,000.00 EUR; tier 1: first 2 contracts; "
                                            + "capped at 1,100.00 EUR per referral)"));
        }

        @Test
        void theSameAmendmentEventTwiceChangesNothing() {
            fixture.given(locked(), new ContractAmended("r-1", "a-1", eur("2000.00"), eur("12000.00"), "more",
                            at("2026-11-12"), "e-amend"))
                    .when(new RecordContractAmendment(R_1, "e-amend", "a-1", eur("2000.00"), eur("12000.00"),
                            "more", at("2026-11-12")))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anAmendmentInAnotherCurrencyIsRefused() {
            fixture.given(locked())
                    .when(new RecordContractAmendment(R_1, "e-amend", "a-1", Money.of("100", "JPY"),
                            Money.of("100000", "JPY"), "wrong", at("2026-11-12")))
                    .expectException(InconsistentReferralEventException.class);
        }

        @Test
        void anAmendmentBeforeAnyContractIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RecordContractAmendment(R_1, "e-amend", "a-1", eur("1.00"), eur("2.00"), "x",
                            at("2026-11-12")))
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class Schedules {

        @Test
        void theClientsScheduleIsRecordedForTheForecast() {
            List<ScheduledInstalment> schedule = List.of(
                    new ScheduledInstalment("deposit", LocalDate.parse("2026-12-01"), eur("4000.00")),
                    new ScheduledInstalment("final", LocalDate.parse("2027-02-01"), eur("6000.00")));
            fixture.given(new Amendments().locked())
                    .when(new RecordPaymentSchedule(R_1, "e-schedule", schedule))
                    .expectEvents(new PaymentScheduleSet("r-1", schedule, "e-schedule"));
        }

        @Test
        void anInstalmentInAnotherCurrencyIsRefused() {
            fixture.given(new Amendments().locked())
                    .when(new RecordPaymentSchedule(R_1, "e-schedule", List.of(
                            new ScheduledInstalment("deposit", LocalDate.parse("2026-12-01"), Money.of("4", "JPY")))))
                    .expectException(InconsistentReferralEventException.class);
        }
    }

    static RecordClientPayment pay(String eventId, String amount, String netCash, String date) {
        return new RecordClientPayment(R_1, eventId, eventId, eur(amount), at(date), LocalDate.parse(date),
                eur(netCash));
    }

    static ClientPaymentRecorded paid(String eventId, String amount, String netCash, String date) {
        return new ClientPaymentRecorded("r-1", eventId, eventId, eur(amount), at(date), LocalDate.parse(date),
                eur(netCash));
    }

    static CommissionAccrued accrued(String eventId, CommissionRole role, String partner, String introducer,
                                     BigDecimal rate, String amount, String basis, String explanation) {
        return accrued(eventId, role, partner, introducer, rate, amount, basis, "2026-11-10", amount, explanation);
    }

    static CommissionAccrued accrued(String eventId, CommissionRole role, String partner, String introducer,
                                     BigDecimal rate, String amount, String basis, String date, String earnedSoFar,
                                     String explanation) {
        LocalDate on = LocalDate.parse(date);
        String entryId = partner.equals("p") && introducer.equals("p") && !eventId.equals("e-pay")
                ? ReferralCommission.entryId(eventId, role) : ReferralCommission.entryId(eventId, role, introducer);
        return new CommissionAccrued(entryId, "r-1", partner, role, eur(amount), rate, eur(basis), on.plusDays(14),
                on, explanation, eventId, eur(earnedSoFar), introducer);
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static Instant at(String date) {
        return Instant.parse(date + "T10:00:00Z");
    }

    static PlanTerms standard() {
        return STANDARD;
    }
}
