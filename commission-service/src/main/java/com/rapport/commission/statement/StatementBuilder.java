package com.rapport.commission.statement;

import com.rapport.commission.ledger.LedgerEntry;
import com.rapport.commission.statement.Statement.CurrencyStatement;
import com.rapport.events.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds a partner's entries into a statement: what came before {@code from} is the opening balance, what falls in
 * {@code [from, to]} is listed and totalled, what comes after {@code to} is not there yet.
 */
public final class StatementBuilder {

    private final String partnerId;
    private final LocalDate from;
    private final LocalDate to;
    private final Map<String, Period> byCurrency = new TreeMap<>();

    /** {@code from} null means since the first entry. */
    public StatementBuilder(String partnerId, LocalDate from, LocalDate to) {
        this.partnerId = partnerId;
        this.from = from;
        this.to = to;
    }

    public StatementBuilder add(LedgerEntry entry) {
        LocalDate on = entry.occurredOn();
        if (on.isAfter(to)) {
            return this;
        }
        Period period = byCurrency.computeIfAbsent(entry.amount().currencyCode(), c -> new Period(entry.amount()));
        if (from != null && on.isBefore(from)) {
            period.opening = period.opening.plus(entry.amount());
            return this;
        }
        period.entries.add(entry);
        switch (entry.type()) {
            case ACCRUAL -> period.accrued = period.accrued.plus(entry.amount());
            case REVERSAL -> period.reversed = period.reversed.plus(entry.amount().abs());
            case PAYOUT -> period.paid = period.paid.plus(entry.amount().abs());
            // adjustments count by sign, as in the balances
            case ADJUSTMENT -> {
                if (entry.amount().isNegative()) {
                    period.reversed = period.reversed.plus(entry.amount().abs());
                } else {
                    period.accrued = period.accrued.plus(entry.amount());
                }
            }
        }
        return this;
    }

    public Statement build() {
        List<CurrencyStatement> currencies = new ArrayList<>();
        byCurrency.forEach((currency, p) -> currencies.add(new CurrencyStatement(currency, p.opening, p.accrued,
                p.reversed, p.paid, p.opening.plus(p.accrued).minus(p.reversed).minus(p.paid),
                p.entries.stream().sorted(Comparator.comparing(LedgerEntry::occurredOn)
                        .thenComparing(LedgerEntry::createdAt)).toList())));
        return new Statement(partnerId, from, to, currencies);
    }

    private static final class Period {
        private Money opening;
        private Money accrued;
        private Money reversed;
        private Money paid;
        private final List<LedgerEntry> entries = new ArrayList<>();

        private Period(Money sample) {
            Money zero = Money.zero(sample.currency());
            opening = zero;
            accrued = zero;
            reversed = zero;
            paid = zero;
        }
    }
}
