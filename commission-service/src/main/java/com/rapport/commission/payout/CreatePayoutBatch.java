package com.rapport.commission.payout;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

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
