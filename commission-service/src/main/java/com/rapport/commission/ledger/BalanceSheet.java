package com.rapport.commission.ledger;

import com.rapport.events.money.Money;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds a partner's entries into per-currency balances, one entry at a time (constant memory however long the
 * ledger): accrued = Σ ACCRUAL + Σ positive ADJUSTMENT, reversed = Σ |REVERSAL| + Σ |negative ADJUSTMENT|,
 * paid = Σ |PAYOUT|, balance = accrued − reversed − paid, pending = the part of the balance payable after today or
 * held (and not paid out), payable = balance − pending, projected = what open contracts will still earn the introducer.
 */
public final class BalanceSheet {

    private final LocalDate today;
    private final Map<String, Totals> byCurrency = new TreeMap<>();

    public BalanceSheet(LocalDate today) {
        this.today = today;
    }

    public BalanceSheet add(LedgerEntry entry) {
        Totals totals = totalsOf(entry.amount().currency());
        Money amount = entry.amount();
        switch (entry.type()) {
            case ACCRUAL -> totals.accrued = totals.accrued.plus(amount);
            case REVERSAL -> totals.reversed = totals.reversed.plus(amount.abs());
            case PAYOUT -> totals.paid = totals.paid.plus(amount.abs());
            case ADJUSTMENT -> {
                if (amount.isNegative()) {
                    totals.reversed = totals.reversed.plus(amount.abs());
                } else {
                    totals.accrued = totals.accrued.plus(amount);
                }
            }
        }
        totals.balance = totals.balance.plus(amount);
        // a held entry counts in the balance and stays pending, never payable, until released; a paid-out entry is
        // no longer part of the balance (its PAYOUT took it out), so a hold on it (a dispute's) holds nothing back
        if (entry.isHeld() && !entry.isPaidOut()
                || entry.payableAt() != null && entry.payableAt().isAfter(today)) {
            totals.pending = totals.pending.plus(amount);
        }
        return this;
    }

    public BalanceSheet addProjected(Money remaining) {
        Totals totals = totalsOf(remaining.currency());
        totals.projected = totals.projected.plus(remaining);
        return this;
    }

    public List<CurrencyBalance> balances() {
        return byCurrency.values().stream()
                .map(t -> new CurrencyBalance(t.accrued.currencyCode(), t.accrued, t.reversed, t.paid, t.pending,
                        t.balance.minus(t.pending), t.balance, t.projected))
                .toList();
    }

    private Totals totalsOf(Currency currency) {
        return byCurrency.computeIfAbsent(currency.getCurrencyCode(), code -> new Totals(currency));
    }

    private static final class Totals {
        private Money accrued;
        private Money reversed;
        private Money paid;
        private Money balance;
        private Money pending;
        private Money projected;

        private Totals(Currency currency) {
            Money zero = Money.zero(currency);
            accrued = zero;
            reversed = zero;
            paid = zero;
            balance = zero;
            pending = zero;
            projected = zero;
        }
    }
}
