package com.rapport.commission.ledger;

import com.rapport.events.money.Money;

/** One currency of a partner's summary (COMMISSIONS.md "Balances"). */
public record CurrencyBalance(String currency, Money accrued, Money reversed, Money paid, Money pending,
                              Money payable, Money balance, Money projected) {
}
