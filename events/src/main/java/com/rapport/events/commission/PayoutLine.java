package com.rapport.events.commission;

import com.rapport.events.money.Money;

/** What one partner is paid in one currency by a payout batch. */
public record PayoutLine(String partnerId, Money amount) {
}
