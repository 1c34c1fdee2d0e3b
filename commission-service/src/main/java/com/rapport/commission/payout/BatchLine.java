package com.rapport.commission.payout;

import com.rapport.events.money.Money;

import java.util.List;

/** What one partner is paid in one currency by a batch, and the ledger entries that make up the amount. */
public record BatchLine(String partnerId, Money amount, List<String> entryIds) {

    public BatchLine {
        entryIds = List.copyOf(entryIds);
    }
}
