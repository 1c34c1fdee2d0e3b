package com.rapport.commission.accrual;

import com.rapport.events.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The arithmetic of COMMISSIONS.md: worked examples 1, 2, 3 and 5, co-introducer shares and finder's fees. */
class RoleTermsTest {

    private static final BigDecimal TEN_PERCENT = new BigDecimal("0.10");
    private static final BigDecimal OVERRIDE = new BigDecimal("0.02");

    @Test
    void threeEuroPaymentsOfAFirstContractEarnExactlyTenPercentOfTheContract() {
        List<Money> entries = entriesFor(TEN_PERCENT, null, "EUR", "3333.33", "6666.66", "10000.00");

        assertThat(entries).extracting(Money::toString).containsExactly("333.33 EUR", "333.34 EUR", "333.33 EUR");
        assertThat(sum(entries)).isEqualTo(Money.of("1000.00", "EUR"));
    }

    @Test
    void aRefundOfTheLastPaymentReversesWhatItsTargetNoLongerCovers() {
        Money earned = sum(entriesFor(TEN_PERCENT, null, "EUR", "3333.33", "6666.66", "10000.00"));

        Money reversal = nextEntry(TEN_PERCENT, null, Money.of("6666.66", "EUR"), earned);

        assertThat(reversal).isEqualTo(Money.of("-333.33", "EUR"));
        assertThat(earned.plus(reversal)).isEqualTo(Money.of("666.67", "EUR"));
    }

    @Test
    void theParentPartnersOverrideFollowsTheSameCumulativeTargets() {
        List<Money> entries = entriesFor(OVERRIDE, null, "EUR", "3333.33", "6666.66", "10000.00");

        assertThat(entries).extracting(Money::toString).containsExactly("66.67 EUR", "66.66 EUR", "66.67 EUR");
        assertThat(sum(entries)).isEqualTo(Money.of("200.00", "EUR"));
    }

    @Test
    void yenRoundHalfEvenToWholeYen() {
        Money entry = nextEntry(TEN_PERCENT, null, Money.of("1000005", "JPY"), Money.zero(Money.currencyOf("JPY")));

        assertThat(entry).isEqualTo(Money.of("100000", "JPY"));
    }

    @Test
    void bahrainiDinarsKeepThreeDecimals() {
        Money entry = nextEntry(TEN_PERCENT, null, Money.of("1.005", "BHD"), Money.zero(Money.currencyOf("BHD")));

        assertThat(entry).isEqualTo(Money.of("0.100", "BHD"));
    }

    @Test
    void theCapLimitsTheCumulativeTargetAndTellsWhenItDecided() {
        Money cap = Money.of("500.00", "EUR");

        List<Money> entries = entriesFor(TEN_PERCENT, cap, "EUR", "4000.00", "6000.00", "10000.00");

        assertThat(entries).extracting(Money::toString).containsExactly("400.00 EUR", "100.00 EUR");
        assertThat(RoleTerms.ofRate(TEN_PERCENT, cap).capped(eur("6000.00"), eur("10000.00"))).isTrue();
        assertThat(RoleTerms.ofRate(TEN_PERCENT, cap).capped(eur("4000.00"), eur("10000.00"))).isFalse();
    }

    @Test
    void aCoIntroducersShareIsRoundedOnceWithItsRate() {
        // 0.12 × 0.6 × 3,333.33 = 239.99976: one rounding, not round(round(0.6 × cash) × 0.12)
        RoleTerms share = new RoleTerms(new BigDecimal("0.12"), new BigDecimal("0.6"), null, null);

        assertThat(share.target(eur("3333.33"), eur("10000.00"))).isEqualTo(eur("240.00"));
        assertThat(share.fullTarget(eur("10000.00"))).isEqualTo(eur("720.00"));
    }

    @Test
    void aFinderFeeIsEarnedInProportionToTheCashAndNeverMoreThanTheFee() {
        RoleTerms fee = new RoleTerms(null, BigDecimal.ONE, null, eur("1000.00"));

        assertThat(fee.target(eur("3000.00"), eur("9000.00"))).isEqualTo(eur("333.33"));
        assertThat(fee.target(eur("6000.00"), eur("9000.00"))).isEqualTo(eur("666.67"));
        assertThat(fee.target(eur("9000.00"), eur("9000.00"))).isEqualTo(eur("1000.00"));
        assertThat(fee.fullTarget(eur("12000.00"))).isEqualTo(eur("1000.00"));
    }

    @Test
    void aSharedFinderFeeWithACapStopsAtTheCap() {
        RoleTerms fee = new RoleTerms(null, new BigDecimal("0.4"), eur("300.00"), eur("1000.00"));

        assertThat(fee.target(eur("4500.00"), eur("9000.00"))).isEqualTo(eur("200.00"));
        assertThat(fee.target(eur("9000.00"), eur("9000.00"))).isEqualTo(eur("300.00"));
        assertThat(fee.capped(eur("9000.00"), eur("9000.00"))).isTrue();
    }

    /** {@code target − earnedSoFar}; a rate's target does not depend on the contract value. */
    private static Money nextEntry(BigDecimal rate, Money cap, Money netCash, Money earned) {
        return RoleTerms.ofRate(rate, cap).target(netCash, netCash).minus(earned);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    /** Entries for a sequence of net cash values, leaving out the zero ones as the rule says. */
    private static List<Money> entriesFor(BigDecimal rate, Money cap, String currency, String... netCash) {
        List<Money> entries = new ArrayList<>();
        Money earned = Money.zero(Money.currencyOf(currency));
        for (String net : netCash) {
            Money entry = nextEntry(rate, cap, Money.of(net, currency), earned);
            if (!entry.isZero()) {
                entries.add(entry);
                earned = earned.plus(entry);
            }
        }
        return entries;
    }

    private static Money sum(List<Money> entries) {
        return entries.stream().reduce(Money::plus).orElseThrow();
    }
}
