package com.rapport.commission.payout;

import com.rapport.events.money.Money;

import java.time.LocalDate;
import java.util.List;

/** What happened to payout batches (internal Axon events; the Kafka contract is mapped from them). */
public final class PayoutEvents {

    private PayoutEvents() {
    }

    public record PayoutBatchCreated(String batchId, LocalDate asOf, List<BatchLine> lines) {
    }

    /** One per line of a confirmed batch; {@code entryId} names the PAYOUT ledger entry it writes. */
    public record PayoutLinePaid(String batchId, String entryId, String partnerId, Money amount, LocalDate paidOn,
                                 LocalDate asOf) {
    }

    public record PayoutBatchPaid(String batchId, LocalDate paidOn, List<BatchLine> lines) {
    }

    public record PayoutBatchCancelled(String batchId, List<BatchLine> lines) {
    }
}
