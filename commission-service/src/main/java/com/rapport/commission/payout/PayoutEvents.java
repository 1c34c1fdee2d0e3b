package com.rapport.commission.payout;

import com.rapport.events.money.Money;

import java.time.LocalDate;
import java.util.List;

/** What happened to payout batches (internal Axon events; the Kafka contract is mapped from them). */
public final class PayoutEvents {

    private PayoutEvents() {
    }

    /** {@code createdBy} and {@code skipped} are null in events stored before they existed. */
    public record PayoutBatchCreated(String batchId, LocalDate asOf, List<BatchLine> lines, String createdBy,
                                     List<SkippedLine> skipped) {

        public PayoutBatchCreated(String batchId, LocalDate asOf, List<BatchLine> lines) {
            this(batchId, asOf, lines, null, List.of());
        }

        public List<SkippedLine> skippedLines() {
            return skipped == null ? List.of() : skipped;
        }
    }

    /** One per line of a confirmed batch; {@code entryId} names the PAYOUT ledger entry it writes. */
    public record PayoutLinePaid(String batchId, String entryId, String partnerId, Money amount, LocalDate paidOn,
                                 LocalDate asOf) {
    }

    public record PayoutBatchPaid(String batchId, LocalDate paidOn, List<BatchLine> lines) {
    }

    public record PayoutBatchCancelled(String batchId, List<BatchLine> lines) {
    }

    /** A batch that never opened was closed for good: its identifier can no longer open, its claims go back. */
    public record PayoutBatchAbandoned(String batchId) {
    }
}
