package com.rapport.commission.payout;

import com.rapport.events.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A batch as API.md shows it: lines per partner and currency, and totals per currency. */
public record PayoutBatchView(String batchId, LocalDate asOf, BatchStatus status, List<Line> lines,
                              List<Total> totals, Instant createdAt, LocalDate paidOn) {

    public record Line(String partnerId, String currency, Money amount) {
    }

    public record Total(String currency, Money amount) {
    }
}
