package com.rapport.commission.accrual;

import com.rapport.commission.plan.PlanTerms;
import com.rapport.commission.plan.PlanVersion;
import com.rapport.commission.plan.Tier;
import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;
import com.rapport.events.referral.CreditShare;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.rapport.events.commission.CommissionRole.INTRODUCER;
import static com.rapport.events.commission.CommissionRole.OVERRIDE;

class ReferralCommissionTest {

    static final ReferralId R_1 = ReferralId.of("r-1");
    static final PartnerId PARTNER_P = PartnerId.of("p");

    static final PlanTerms STANDARD = new PlanTerms(List.of(new Tier(1, new BigDecimal("0.10")),
            new Tier(3, new BigDecimal("0.12")), new Tier(6, new BigDecimal("0.15"))), new BigDecimal("0.02"),
            List.of(), 14, List.of());
    static final PlanVersion STANDARD_V1 = new PlanVersion("standard", 1, STANDARD, Instant.parse("2026-01-01T00:00:00Z"));
    static final Instant SIGNED = Instant.parse("2026-11-02T09:00:00Z");
    static final Money CONTRACT = Money.of("10000.00", "EUR");
    static final BigDecimal TEN = new BigDecimal("0.10");
    static final BigDecimal TWO = new BigDecimal("0.02");

    private AggregateTestFixture<ReferralCommission> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReferralCommission.class);
    }

    @Test
    void aSignedContractLocksTheIntroducersTierRate() {
        fixture.givenNoPriorActivity()
                .when(lock("e-contract", null, 1, STANDARD_V1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(introducerLocked(TEN, 1, "tier 1: first 2 contracts", null));
    }

    @Test
    void theThirdAndSixthContractsEarnTheHigherTiers() {
        fixture.givenNoPriorActivity()
                .when(lock("e-contract", null, 3, STANDARD_V1))
                .expectEvents(new RateLocked("r-1", INTRODUCER, "p", "standard", 1, new BigDecimal("0.12"), 2,
                        "tier 2: contracts 3 to 5", null, CONTRACT, 3, SIGNED, 14, "p", "Partner P", "e-contract",
                        BigDecimal.ONE, null, false));
        fixture.givenNoPriorActivity()
                .when(lock("e-contract", null, 6, STANDARD_V1))
                .expectEvents(new RateLocked("r-1", INTRODUCER, "p", "standard", 1, new BigDecimal("0.15"), 3,
                        "tier 3: contract 6 onwards", null, CONTRACT, 6, SIGNED, 14, "p", "Partner P", "e-contract",
                        BigDecimal.ONE, null, false));
    }

    @Test
    void aPartnerIntroducedByAnotherLocksTheParentsOverrideToo() {
        fixture.givenNoPriorActivity()
                .when(lock("e-contract", "q", 1, STANDARD_V1))
                .expectEvents(introducerLocked(TEN, 1, "tier 1: first 2 contracts", null),
                        new RateLocked("r-1", OVERRIDE, "q", "standard", 1, TWO, 0, "override", null, CONTRACT, 1,
                                SIGNED, 14, "p", "Partner P", "e-contract",
                        BigDecimal.ONE, null, false));
    }

    @Test
    void theCapOfTheContractsCurrencyIsLocked() {
        PlanTerms capped = new PlanTerms(STANDARD.tiers(), TWO, List.of(Money.of("50000", "JPY"),
                Money.of("500.00", "EUR")), 14, List.of());
        fixture.givenNoPriorActivity()
                .when(lock("e-contract", null, 1, new PlanVersion("capped", 4, capped, SIGNED)))
                .expectEvents(new RateLocked("r-1", INTRODUCER, "p", "capped", 4, TEN, 1, "tier 1: first 2 contracts",
                        Money.of("500.00", "EUR"), CONTRACT, 1, SIGNED, 14, "p", "Partner P", "e-contract",
                        BigDecimal.ONE, null, false));
    }

    @Test
    void theSameContractEventTwiceChangesNothing() {
        fixture.given(introducerLocked(TEN, 1, "tier 1: first 2 contracts", null))
                .when(lock("e-contract", null, 1, STANDARD_V1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anOldContractWhoseOverrideWaitsIsSettledByTheFirstCashEventNamingTheParentAndCatchesUp() {
        // streams written before events carried the parent still hold OverrideDeferred: they load and settle
        fixture.given(new RateLocked("r-1", INTRODUCER, "p", "standard", 1, TEN, 1, "tier 1: first 2 contracts",
                                null, CONTRACT, 1, SIGNED, 14, "p", null, "e-contract"),
                        new OverrideDeferred("r-1", "p", TWO, "e-contract"),
                        paymentRecorded("e-pay-1", "3333.33", "3333.33"),
                        accrued("e-pay-1", INTRODUCER, "p", TEN, "333.33", "3333.33", "2026-11-10", "333.33", "..."))
                .when(new RecordClientPayment(R_1, "e-pay-2", "e-pay-2", eur("3333.33"), at("2026-11-20"),
                        LocalDate.parse("2026-11-20"), eur("6666.66"),
                        List.of(new CreditShare("p", BigDecimal.ONE, "q", "en", "p@example.com", "Partner P", null))))
                .expectEvents(new ClientPaymentRecorded("r-1", "e-pay-2", "e-pay-2", eur("3333.33"),
                                at("2026-11-20"), LocalDate.parse("2026-11-20"), eur("6666.66")),
                        new IntroducerIdentified("r-1", "Partner P", "q", "e-pay-2"),
                        new RateLocked("r-1", OVERRIDE, "q", "standard", 1, TWO, 0, "override", null, CONTRACT, 1,
                                SIGNED, 14, "p", "Partner P", "e-pay-2", BigDecimal.ONE, null, false),
                        accrued("e-pay-2", INTRODUCER, "p", TEN, "333.34", "3333.33", "2026-11-20", "666.67",
                                "10% of a 3,333.33 EUR payment received 2026-11-20 (contract 10,000.00 EUR; tier 1: first 2 contracts)"),
                        accrued("e-pay-2", OVERRIDE, "q", TWO, "133.33", "3333.33", "2026-11-20", "133.33",
                                "2% override on a 3,333.33 EUR payment received 2026-11-20 from a client of Partner P, a partner you introduced (contract 10,000.00 EUR)"));
    }

    @Test
    void anOldContractWhoseOverrideWaitsStaysWithoutOneUntilAnEventNamesTheIntroducer() {
        fixture.given(new RateLocked("r-1", INTRODUCER, "p", "standard", 1, TEN, 1, "tier 1: first 2 contracts",
                                null, CONTRACT, 1, SIGNED, 14, "p", null, "e-contract"),
                        new OverrideDeferred("r-1", "p", TWO, "e-contract"))
                .when(pay("e-pay-1", "3333.33", "3333.33", "2026-11-10"))
                .expectEvents(paymentRecorded("e-pay-1", "3333.33", "3333.33"),
                        new CommissionAccrued(ReferralCommission.entryId("e-pay-1", INTRODUCER), "r-1", "p",
                                INTRODUCER, eur("333.33"), TEN, eur("3333.33"), LocalDate.parse("2026-11-24"),
                                LocalDate.parse("2026-11-10"),
                                "10% of a 3,333.33 EUR payment received 2026-11-10 (contract 10,000.00 EUR; tier 1: first 2 contracts)",
                                "e-pay-1", eur("333.33"), "p"));
    }

    @Test
    void anOldStreamWithALateRegistrationStillLoadsAndAccruesForBothRoles() {
        fixture.given(new RateLocked("r-1", INTRODUCER, "p", "standard", 1, TEN, 1, "tier 1: first 2 contracts",
                                null, CONTRACT, 1, SIGNED, 14, "p", null, "e-contract"),
                        new OverrideDeferred("r-1", "p", TWO, "e-contract"),
                        new IntroducerIdentified("r-1", "Partner P", "q", "e-registered"),
                        new RateLocked("r-1", OVERRIDE, "q", "standard", 1, TWO, 0, "override", null, CONTRACT, 1,
                                SIGNED, 14, "p", "Partner P", "e-registered"),
                        new CommissionAccrued(ReferralCommission.entryId("e-registered", OVERRIDE), "r-1", "q",
                                OVERRIDE, eur("66.67"), TWO, eur("3333.33"), LocalDate.parse("2026-11-24"),
                                LocalDate.parse("2026-11-10"), "...", "e-registered", eur("66.67")))
                .when(pay("e-pay-2", "6666.67", "10000.00", "2026-11-20"))
                .expectEvents(new ClientPaymentRecorded("r-1", "e-pay-2", "e-pay-2", eur("6666.67"),
                                at("2026-11-20"), LocalDate.parse("2026-11-20"), eur("10000.00")),
                        accrued("e-pay-2", INTRODUCER, "p", TEN, "1000.00", "6666.67", "2026-11-20", "1000.00",
                                "10% of a 6,666.67 EUR payment received 2026-11-20 (contract 10,000.00 EUR; tier 1: first 2 contracts)"),
                        accrued("e-pay-2", OVERRIDE, "q", TWO, "133.33", "6666.67", "2026-11-20", "200.00",
                                "2% override on a 6,666.67 EUR payment received 2026-11-20 from a client of Partner P, a partner you introduced (contract 10,000.00 EUR)"));
    }

    @Test
    void aSecondDifferentContractForTheSameReferralIsRefused() {
        fixture.given(introducerLocked(TEN, 1, "tier 1: first 2 contracts", null))
                .when(lock("e-other-contract", null, 1, STANDARD_V1))
                .expectException(InconsistentReferralEventException.class);
    }

    @Test
    void aPaymentAccruesTheDifferenceToTheCumulativeTargetPayableAfterTheHold() {
        fixture.given(introducerLocked(TEN, 1, "tier 1: first 2 contracts", null),
                        paymentRecorded("e-pay-1", "3333.33", "3333.33"),
                        accrued("e-pay-1", INTRODUCER, "p", TEN, "333.33", "3333.33", "2026-11-10", "333.33",
                                "10% of a 3,333.33 EUR payment received 2026-11-10 (contract 10,000.00 EUR; tier 1: first 2 contracts)"))
                .when(pay("e-pay-2", "3333.33", "6666.66", "2026-11-20"))
                .expectEvents(new ClientPaymentRecorded("r-1", "e-pay-2", "e-pay-2", eur("3333.33"),
                                at("2026-11-20"), LocalDate.parse("2026-11-20"), eur("6666.66")),
                        accrued("e-pay-2", INTRODUCER, "p", TEN, "333.34", "3333.33", "2026-11-20", "666.67",
                                "10% of a 3,333.33 EUR payment received 2026-11-20 (contract 10,000.00 EUR; tier 1: first 2 contracts)"));
    }

    @Test
    void theSamePaymentEventTwiceChangesNothing() {
        fixture.given(introducerLocked(TEN, 1, "tier 1: first 2 contracts", null),
                        paymentRecorded("e-pay-1", "3333.33", "3333.33"))
                .when(pay("e-pay-1", "3333.33", "3333.33", "2026-11-10"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPaymentTooSmallToEarnACentWritesNoEntryButIsRemembered() {
        fixture.given(introducerLocked(TEN, 1, "tier 1: first 2 contracts", null))
                .when(pay("e-tiny", "0.04", "0.04", "2026-11-10"))
                .expectEvents(new ClientPaymentRecorded("r-1", "e-tiny", "e-tiny", eur("0.04"), at("2026-11-10"),
                        LocalDate.parse("2026-11-10"), eur("0.04")));
    }

    @Test
    void aPaymentEarnsTheIntroducerAndTheParentEachByTheirOwnTarget() {
        fixture.given(introducerLocked(TEN, 1, "tier 1: first 2 contracts", null),
                        new RateLocked("r-1", OVERRIDE, "q", "standard", 1, TWO, 0, "override", null, CONTRACT, 1,
                                SIGNED, 14, "p", "Partner P", "e-contract"))
                .when(pay("e-pay-1", "3333.33", "3333.33", "2026-11-10"))
                .expectEvents(paymentRecorded("e-pay-1", "3333.33", "3333.33"),
                        accrued("e-pay-1", INTRODUCER, "p", TEN, "333.33", "3333.33", "2026-11-10", "333.33",
                                "10% of a 3,333.33 EUR payment received 2026-11-10 (contract 10,000.00 EUR; tier 1: first 2 contracts)"),
                        accrued("e-pay-1", OVERRIDE, "q", TWO, "66.67", "3333.33", "2026-11-10", "66.67",
                                "2% override on a 3,333.33 EUR payment received 2026-11-10 from a client of Partner P, a partner you introduced (contract 10,000.00 EUR)"));
    }

    @Test
    void aRefundReversesAtOnceWhatTheLowerNetCashNoLongerEarns() {
        fixture.given(introducerLocked(TEN, 1, "tier 1: first 2 contracts", null),
                        accrued("e-pay-3", INTRODUCER, "p", TEN, "333.33", "3333.34", "2026-11-20", "1000.00", "..."))
                .when(new RecordClientRefund(R_1, "e-refund", "rf-1", eur("3333.34"), at("2026-11-25"),
                        LocalDate.parse("2026-11-25"), eur("6666.66")))
                .expectEvents(new ClientRefundRecorded("r-1", "e-refund", "rf-1", eur("3333.34"), at("2026-11-25"),
                                LocalDate.parse("2026-11-25"), eur("6666.66")),
                        new CommissionReversed(ReferralCommission.entryId("e-refund", INTRODUCER), "r-1", "p",
                                INTRODUCER, eur("-333.33"), TEN, eur("-3333.34"), LocalDate.parse("2026-11-25"),
                                LocalDate.parse("2026-11-25"),
                                "10% of a 3,333.34 EUR refund issued 2026-11-25, taken back (contract 10,000.00 EUR; tier 1: first 2 contracts)",
                                "e-refund", eur("666.67"), "p"));
    }

    @Test
    void aPaymentInAnotherCurrencyThanTheContractIsRefused() {
        fixture.given(introducerLocked(TEN, 1, "tier 1: first 2 contracts", null))
                .when(new RecordClientPayment(R_1, "e-pay", "pay", Money.of("100", "JPY"), at("2026-11-10"),
                        LocalDate.parse("2026-11-10"), Money.of("100", "JPY")))
                .expectException(InconsistentReferralEventException.class);
    }

    @Test
    void aPaymentBeforeAnyContractIsRefused() {
        fixture.givenNoPriorActivity()
                .when(pay("e-pay-1", "10.00", "10.00", "2026-11-10"))
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }

    @Test
    void deliveryAndLossAreRecordedOnce() {
        fixture.given(introducerLocked(TEN, 1, "tier 1: first 2 contracts", null))
                .when(new RecordReferralStage(R_1, "e-lost", ReferralStage.LOST))
                .expectEvents(new ReferralStageChanged("r-1", ReferralStage.LOST, "e-lost"));
        fixture.given(introducerLocked(TEN, 1, "tier 1: first 2 contracts", null),
                        new ReferralStageChanged("r-1", ReferralStage.LOST, "e-lost"))
                .when(new RecordReferralStage(R_1, "e-lost", ReferralStage.LOST))
                .expectNoEvents();
    }

    static LockCommission lock(String eventId, String parent, int contractNumber, PlanVersion plan) {
        return new LockCommission(R_1, eventId, CONTRACT, SIGNED,
                List.of(new Introducer(PARTNER_P, "Partner P", BigDecimal.ONE, PartnerId.of(parent), contractNumber,
                        plan)), null);
    }

    static RateLocked introducerLocked(BigDecimal rate, int tier, String label, Money cap) {
        return new RateLocked("r-1", INTRODUCER, "p", "standard", 1, rate, tier, label, cap, CONTRACT, 1, SIGNED, 14,
                "p", "Partner P", "e-contract",
                        BigDecimal.ONE, null, false);
    }

    static RecordClientPayment pay(String eventId, String amount, String netCash, String date) {
        return new RecordClientPayment(R_1, eventId, eventId, eur(amount), at(date), LocalDate.parse(date),
                eur(netCash));
    }

    static ClientPaymentRecorded paymentRecorded(String eventId, String amount, String netCash) {
        return new ClientPaymentRecorded("r-1", eventId, eventId, eur(amount), at("2026-11-10"),
                LocalDate.parse("2026-11-10"), eur(netCash));
    }

    static CommissionAccrued accrued(String eventId, CommissionRole role, String partner, BigDecimal rate,
                                     String amount, String basis, String date, String earnedSoFar,
                                     String explanation) {
        LocalDate on = LocalDate.parse(date);
        return new CommissionAccrued(ReferralCommission.entryId(eventId, role), "r-1", partner, role, eur(amount),
                rate, eur(basis), on.plusDays(14), on, explanation, eventId, eur(earnedSoFar), "p");
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static Instant at(String date) {
        return Instant.parse(date + "T10:00:00Z");
    }
}
