package com.rapport.commission.payout;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** What finance asks of payout batches. */
public final class PayoutCommands {

    private PayoutCommands() {
    }

    /** Open a batch over lines whose entries have already been claimed for it. */
    public record CreatePayoutBatch(@TargetAggregateIdentifier String batchId, LocalDate asOf, List<BatchLine> lines) {
    }

    /** The bank paid the batch on {@code paidOn}: write the PAYOUT entries. */
    public record ConfirmPayoutBatch(@TargetAggregateIdentifier String batchId, LocalDate paidOn) {
    }

    /** Drop the batch and free its entries for a later one. */
    public record CancelPayoutBatch(@TargetAggregateIdentifier String batchId) {
    }
}
