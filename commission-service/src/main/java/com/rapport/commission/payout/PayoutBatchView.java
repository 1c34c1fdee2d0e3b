package com.rapport.commission.payout;

import com.rapport.events.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A batch as API.md shows it: lines per partner and currency, totals per currency, who created it, and the lines it
 * skipped.
 */
public record PayoutBatchView(String batchId, LocalDate asOf, BatchStatus status, List<Line> lines,
                              List<Total> totals, Instant createdAt, LocalDate paidOn, String createdBy,
                              List<Skipped> skipped) {

    public PayoutBatchView(String batchId, LocalDate asOf, BatchStatus status, List<Line> lines, List<Total> totals,
                           Instant createdAt, LocalDate paidOn) {
        this(batchId, asOf, status, lines, totals, createdAt, paidOn, null, List.of());
    }

    /** A line left out because the partner cannot be paid yet ({@code reason}: see {@link SkippedLine}). */
    public record Skipped(String partnerId, String currency, Money amount, String reason) {
    }

    public record Line(String partnerId, String currency, Money amount) {
    }

    public record Total(String currency, Money amount) {
    }
}
