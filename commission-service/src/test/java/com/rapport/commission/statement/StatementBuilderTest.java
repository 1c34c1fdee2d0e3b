package com.rapport.commission.statement;

import com.rapport.commission.ledger.EntryType;
import com.rapport.commission.ledger.LedgerEntry;
import com.rapport.events.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatementBuilderTest {

    private final List<LedgerEntry> ledger = List.of(
            entry("a", EntryType.ACCRUAL, "100.00", "2026-10-20"),
            entry("b", EntryType.ACCRUAL, "50.00", "2026-11-05"),
            entry("c", EntryType.PAYOUT, "-100.00", "2026-11-10"),
            entry("d", EntryType.REVERSAL, "-20.00", "2026-11-30"),
            entry("e", EntryType.ACCRUAL, "70.00", "2026-12-02"));

    @Test
    void thePeriodListsItsEntriesBetweenAnOpeningAndAClosingBalance() {
        Statement november = build(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"));
        Statement.CurrencyStatement eur = november.currencies().get(0);

        assertThat(eur.openingBalance()).isEqualTo(Money.of("100.00", "EUR"));
        assertThat(eur.accrued()).isEqualTo(Money.of("50.00", "EUR"));
        assertThat(eur.paid()).isEqualTo(Money.of("100.00", "EUR"));
        assertThat(eur.reversed()).isEqualTo(Money.of("20.00", "EUR"));
        assertThat(eur.closingBalance()).isEqualTo(Money.of("30.00", "EUR"));
        assertThat(eur.entries()).extracting(LedgerEntry::entryId).containsExactly("b", "c", "d");
    }

    @Test
    void theClosingBalanceOfOnePeriodIsTheOpeningOfTheNext() {
        Statement october = build(null, LocalDate.parse("2026-10-31"));
        Statement november = build(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"));
        Statement december = build(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-31"));

        assertThat(october.currencies().get(0).closingBalance())
                .isEqualTo(november.currencies().get(0).openingBalance());
        assertThat(november.currencies().get(0).closingBalance())
                .isEqualTo(december.currencies().get(0).openingBalance());
        assertThat(december.currencies().get(0).closingBalance()).isEqualTo(Money.of("100.00", "EUR"));
    }

    private Statement build(LocalDate from, LocalDate to) {
        StatementBuilder builder = new StatementBuilder("p", from, to);
        ledger.forEach(builder::add);
        return builder.build();
    }

    private static LedgerEntry entry(String id, EntryType type, String amount, String on) {
        LocalDate date = LocalDate.parse(on);
        return new LedgerEntry(id, "p", "r", null, type, Money.of(amount, "EUR"), null, null, date,
                Instant.parse(on + "T12:00:00Z"), "e-" + id, "", date, null);
    }
}
