package com.rapport.commission.payout;

import com.rapport.events.money.Money;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Which lines a batch gets (COMMISSIONS.md "Payouts"): per partner and currency, the sum of the free entries payable
 * by {@code asOf}, a negative balance from reversals included. A line that is not positive, or under the partner's
 * minimum payout for the currency, is left out, and its entries stay free for a later batch.
 */
public final class PayoutPlanner {

    private PayoutPlanner() {
    }

    /** A ledger entry payable by the batch date that no live batch holds. */
    public record PayableEntry(String entryId, String partnerId, Money amount) {
    }

    public static List<BatchLine> plan(Collection<PayableEntry> freeEntries,
                                       BiFunction<String, Currency, Optional<Money>> minimumPayout) {
        Map<String, Map<String, List<PayableEntry>>> byPartnerAndCurrency = new TreeMap<>();
        for (PayableEntry entry : freeEntries) {
            byPartnerAndCurrency.computeIfAbsent(entry.partnerId(), p -> new TreeMap<>())
                    .computeIfAbsent(entry.amount().currencyCode(), c -> new ArrayList<>())
                    .add(entry);
        }
        List<BatchLine> lines = new ArrayList<>();
        byPartnerAndCurrency.forEach((partnerId, byCurrency) -> byCurrency.forEach((code, entries) -> {
            Currency currency = Money.currencyOf(code);
            Money sum = entries.stream().map(PayableEntry::amount).reduce(Money.zero(currency), Money::plus);
            boolean underMinimum = minimumPayout.apply(partnerId, currency)
                    .map(minimum -> sum.compareTo(minimum) < 0).orElse(false);
            if (sum.isPositive() && !underMinimum) {
                lines.add(new BatchLine(partnerId, sum, entries.stream()
                        .sorted(Comparator.comparing(PayableEntry::entryId)).map(PayableEntry::entryId).toList()));
            }
        }));
        return lines;
    }
}
