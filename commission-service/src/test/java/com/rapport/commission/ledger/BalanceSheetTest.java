package com.rapport.commission.ledger;

import com.rapport.events.money.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BalanceSheetTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-26");

    @Provide
    Arbitrary<List<LedgerEntry>> ledgers() {
        Arbitrary<LedgerEntry> entry = Combinators.combine(
                Arbitraries.of(EntryType.values()), Arbitraries.of("EUR", "JPY", "BHD"),
                Arbitraries.longs().between(1, 10_000_000L), Arbitraries.integers().between(-30, 30),
                Arbitraries.integers().between(0, 9), Arbitraries.of(true, false)).as(
                (type, code, units, days, held, adjustmentSign) -> {
                    int scale = Money.scaleOf(Money.currencyOf(code));
                    boolean negative = switch (type) {
                        case ACCRUAL -> false;
                        case REVERSAL, PAYOUT -> true;
                        case ADJUSTMENT -> adjustmentSign;
                    };
                    Money amount = Money.of(BigDecimal.valueOf(negative ? -units : units, scale), code);
                    return new LedgerEntry(UUID.randomUUID().toString(), "p", "r", null, type, amount, null, null,
                            TODAY.plusDays(days), Instant.now(), "s", "x", TODAY, null,
                            held == 0 ? new LedgerEntry.Hold("check", Instant.now()) : null, List.of());
                });
        return entry.list().ofMaxSize(40);
    }

    @Property(tries = 1000)
    void balanceIsAccruedMinusReversedMinusPaidWithAdjustmentsBySign(@ForAll("ledgers") List<LedgerEntry> ledger) {
        BalanceSheet sheet = new BalanceSheet(TODAY);
        ledger.forEach(sheet::add);
        for (CurrencyBalance balance : sheet.balances()) {
            List<LedgerEntry> mine = ledger.stream()
                    .filter(e -> e.amount().currencyCode().equals(balance.currency())).toList();
            Money zero = Money.zero(Money.currencyOf(balance.currency()));
            Money accrued = sum(mine.stream().filter(e -> e.type() == EntryType.ACCRUAL
                    || e.type() == EntryType.ADJUSTMENT && e.amount().isPositive()).toList(), zero);
            Money reversed = sum(mine.stream().filter(e -> e.type() == EntryType.REVERSAL
                    || e.type() == EntryType.ADJUSTMENT && e.amount().isNegative()).toList(), zero).abs();
            Money paid = sum(mine.stream().filter(e -> e.type() == EntryType.PAYOUT).toList(), zero).abs();
            Money heldOrLater = sum(mine.stream().filter(e -> e.isHeld() || e.payableAt().isAfter(TODAY)).toList(),
                    zero);
            assertThat(balance.accrued()).isEqualTo(accrued);
            assertThat(balance.reversed()).isEqualTo(reversed);
            assertThat(balance.paid()).isEqualTo(paid);
            assertThat(balance.balance()).isEqualTo(accrued.minus(reversed).minus(paid));
            assertThat(balance.balance()).isEqualTo(sum(mine, zero));
            assertThat(balance.pending()).isEqualTo(heldOrLater);
            assertThat(balance.payable()).isEqualTo(balance.balance().minus(balance.pending()));
        }
    }

    @Test
    void aHeldEntryIsPendingNeverPayable() {
        LedgerEntry held = new LedgerEntry("e", "p", "r", null, EntryType.ACCRUAL, Money.of("100.00", "EUR"), null,
                null, TODAY.minusDays(5), Instant.now(), "s", "x", TODAY, null,
                new LedgerEntry.Hold("client insolvent", Instant.now()), List.of());
        CurrencyBalance balance = new BalanceSheet(TODAY).add(held).balances().get(0);
        assertThat(balance.balance().amount()).isEqualByComparingTo("100.00");
        assertThat(balance.pending().amount()).isEqualByComparingTo("100.00");
        assertThat(balance.payable().amount()).isEqualByComparingTo("0.00");
    }

    private static Money sum(List<LedgerEntry> entries, Money zero) {
        return entries.stream().map(LedgerEntry::amount).reduce(zero, Money::plus);
    }

    @Test
    void aHoldOnAnEntryAlreadyPaidOutHoldsNothingBack() {
        Money fifty = Money.of("50.00", "EUR");
        LedgerEntry paidAdjustment = new LedgerEntry("a1", "p", null, null, EntryType.ADJUSTMENT, fifty, null, null,
                TODAY, Instant.now(), "s", "x", TODAY, null, new LedgerEntry.Hold("Disputed: too little",
                Instant.now()), List.of(), "b1");
        LedgerEntry payout = new LedgerEntry("o1", "p", null, null, EntryType.PAYOUT, fifty.negate(), null, null,
                TODAY, Instant.now(), "s", "x", TODAY, "b1");
        CurrencyBalance eur = new BalanceSheet(TODAY).add(paidAdjustment).add(payout).balances().get(0);
        assertThat(eur.balance()).isEqualTo(Money.zero(fifty.currency()));
        assertThat(eur.pending()).isEqualTo(Money.zero(fifty.currency()));
        assertThat(eur.payable()).isEqualTo(Money.zero(fifty.currency()));
    }
}
