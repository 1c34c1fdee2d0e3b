package com.rapport.commission.export;

import com.rapport.commission.ledger.EntryType;
import com.rapport.events.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Double entry for one ledger entry (COMMISSIONS.md "Journal"), in the entry's currency: ACCRUAL and a positive
 * ADJUSTMENT debit commission expense and credit commissions payable; REVERSAL and a negative ADJUSTMENT the other way
 * round; PAYOUT debits commissions payable and credits the bank. Every entry gives one debit and one credit line of
 * the same amount (its absolute value), so its lines balance.
 */
public final class Journal {

    private Journal() {
    }

    /** One journal line: exactly one of {@code debit} and {@code credit} is set. */
    public record Line(LocalDate date, String entryId, String account, BigDecimal debit, BigDecimal credit,
                       String currency, String partnerId, String referralId, String text) {
    }

    public static List<Line> linesOf(LocalDate date, String entryId, EntryType type, Money amount, String partnerId,
                                     String referralId, String text, JournalAccounts accounts) {
        BigDecimal value = amount.amount().abs();
        String debit;
        String credit;
        if (type == EntryType.PAYOUT) {
            // money leaves the bank; a positive payout entry (never written today) would be money coming back
            boolean out = !amount.isPositive();
            debit = out ? accounts.commissionsPayable() : accounts.bank();
            credit = out ? accounts.bank() : accounts.commissionsPayable();
        } else {
            // ACCRUAL, REVERSAL and ADJUSTMENT post by sign: earning is expense, taking back reduces it
            boolean earned = !amount.isNegative();
            debit = earned ? accounts.commissionExpense() : accounts.commissionsPayable();
            credit = earned ? accounts.commissionsPayable() : accounts.commissionExpense();
        }
        String currency = amount.currencyCode();
        return List.of(new Line(date, entryId, debit, value, null, currency, partnerId, referralId, text),
                new Line(date, entryId, credit, null, value, currency, partnerId, referralId, text));
    }
}
