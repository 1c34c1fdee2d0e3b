package com.rapport.commission.export;

import com.rapport.commission.ledger.EntryType;
import com.rapport.events.money.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

class JournalTest {

    private static final JournalAccounts ACCOUNTS = new JournalAccounts("6100", "2100", "1000");

    record Entry(EntryType type, Money amount) {
    }

    @Provide
    Arbitrary<Entry> entries() {
        Arbitrary<String> currencies = Arbitraries.of("EUR", "JPY", "BHD", "USD", "CHF");
        Arbitrary<Long> units = Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L);
        return Combinators.combine(Arbitraries.of(EntryType.values()), currencies, units).as((type, code, value) -> {
            int scale = Money.scaleOf(Money.currencyOf(code));
            return new Entry(type, Money.of(BigDecimal.valueOf(value, scale), code));
        });
    }

    @Property(tries = 2000)
    void everyEntrysLinesBalanceInItsCurrency(@ForAll("entries") Entry entry) {
        List<Journal.Line> lines = Journal.linesOf(LocalDate.parse("2026-11-26"), "e", entry.type(), entry.amount(),
                "p", "r", "text", ACCOUNTS);
        BigDecimal debits = lines.stream().map(Journal.Line::debit).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal credits = lines.stream().map(Journal.Line::credit).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(debits).isEqualByComparingTo(credits).isEqualByComparingTo(entry.amount().amount().abs());
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.currency()).isEqualTo(entry.amount().currencyCode());
            assertThat(line.debit() == null).isNotEqualTo(line.credit() == null);
            BigDecimal value = line.debit() != null ? line.debit() : line.credit();
            assertThat(value.signum()).isNotNegative();
            assertThat(value.scale()).isEqualTo(entry.amount().amount().scale());
        });
    }

    @Test
    void accountsFollowCommissionsMd() {
        assertThat(accounts(EntryType.ACCRUAL, "100.00")).containsExactly("6100 D", "2100 C");
        assertThat(accounts(EntryType.ADJUSTMENT, "5.00")).containsExactly("6100 D", "2100 C");
        assertThat(accounts(EntryType.REVERSAL, "-100.00")).containsExactly("2100 D", "6100 C");
        assertThat(accounts(EntryType.ADJUSTMENT, "-5.00")).containsExactly("2100 D", "6100 C");
        assertThat(accounts(EntryType.PAYOUT, "-100.00")).containsExactly("2100 D", "1000 C");
    }

    private static List<String> accounts(EntryType type, String amount) {
        return Journal.linesOf(LocalDate.parse("2026-11-26"), "e", type, Money.of(amount, "EUR"), "p", null, "t",
                ACCOUNTS).stream().map(l -> l.account() + (l.debit() != null ? " D" : " C")).toList();
    }
}
