package com.rapport.commission.accrual;

import com.rapport.events.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The arithmetic of COMMISSIONS.md, worked examples 1, 2, 3 and 5. */
class CumulativeAccrualTest {

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

        Money reversal = CumulativeAccrual.nextEntry(TEN_PERCENT, null, Money.of("6666.66", "EUR"), earned);

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
        Money entry = CumulativeAccrual.nextEntry(TEN_PERCENT, null, Money.of("1000005", "JPY"),
                Money.zero(Money.currencyOf("JPY")));

        assertThat(entry).isEqualTo(Money.of("100000", "JPY"));
    }

    @Test
    void bahrainiDinarsKeepThreeDecimals() {
        Money entry = CumulativeAccrual.nextEntry(TEN_PERCENT, null, Money.of("1.005", "BHD"),
                Money.zero(Money.currencyOf("BHD")));

        assertThat(entry).isEqualTo(Money.of("0.100", "BHD"));
    }

    @Test
    void theCapLimitsTheCumulativeTargetAndTellsWhenItDecided() {
        Money cap = Money.of("500.00", "EUR");

        List<Money> entries = entriesFor(TEN_PERCENT, cap, "EUR", "4000.00", "6000.00", "10000.00");

        assertThat(entries).extracting(Money::toString).containsExactly("400.00 EUR", "100.00 EUR");
        assertThat(CumulativeAccrual.capped(TEN_PERCENT, cap, Money.of("6000.00", "EUR"))).isTrue();
        assertThat(CumulativeAccrual.capped(TEN_PERCENT, cap, Money.of("4000.00", "EUR"))).isFalse();
    }

    /** Entries for a sequence of net cash values, leaving out the zero ones as the rule says. */
    private static List<Money> entriesFor(BigDecimal rate, Money cap, String currency, String... netCash) {
        List<Money> entries = new ArrayList<>();
        Money earned = Money.zero(Money.currencyOf(currency));
        for (String net : netCash) {
            Money entry = CumulativeAccrual.nextEntry(rate, cap, Money.of(net, currency), earned);
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
