package com.rapport.commission.payout;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** What finance asks of payout batches. */
public final class PayoutCommands {

    private PayoutCommands() {
    }

    /**
     * Open a batch over lines whose entries have already been claimed for it; {@code createdBy} is the finance user
     * (token subject) who asked, {@code skipped} the lines left out because the partner cannot be paid yet.
     */
    public record CreatePayoutBatch(@TargetAggregateIdentifier String batchId, LocalDate asOf, List<BatchLine> lines,
                                    String createdBy, List<SkippedLine> skipped) {

        public CreatePayoutBatch {
            skipped = skipped == null ? List.of() : List.copyOf(skipped);
        }

        public CreatePayoutBatch(String batchId, LocalDate asOf, List<BatchLine> lines) {
            this(batchId, asOf, lines, null, List.of());
        }
    }

    /** The bank paid the batch on {@code paidOn}: write the PAYOUT entries. {@code confirmedBy}: the token subject. */
    public record ConfirmPayoutBatch(@TargetAggregateIdentifier String batchId, LocalDate paidOn,
                                     String confirmedBy) {

        public ConfirmPayoutBatch(String batchId, LocalDate paidOn) {
            this(batchId, paidOn, null);
        }
    }

    /** Drop the batch and free its entries for a later one. */
    public record CancelPayoutBatch(@TargetAggregateIdentifier String batchId) {
    }

    /**
     * Make a batch whose opening failed or timed out definite: one that is not there yet is closed for good
     * (ABANDONED) so that a late opening command fails; answers the batch's status either way.
     */
    public record AbandonPayoutBatch(@TargetAggregateIdentifier String batchId) {
    }
}
