package com.rapport.commission.payout;

import com.rapport.events.money.Money;

import java.time.LocalDate;

/** One per line of a confirmed batch; {@code entryId} names the PAYOUT ledger entry it writes. */
public record PayoutLinePaid(String batchId, String entryId, String partnerId, Money amount, LocalDate paidOn,
                             LocalDate asOf) {
}
