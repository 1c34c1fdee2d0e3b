package com.rapport.commission.statement;

import com.rapport.commission.ledger.LedgerEntry;
import com.rapport.events.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * A partner's statement for a date range, per currency. Entries are placed by {@code occurredOn} (the date of the
 * client cash, or of the payout); the closing balance of one period is the opening balance of the next.
 */
public record Statement(String partnerId, LocalDate from, LocalDate to, List<CurrencyStatement> currencies) {

    public record CurrencyStatement(String currency, Money openingBalance, Money accrued, Money reversed, Money paid,
                                    Money closingBalance, List<LedgerEntry> entries) {
    }
}
