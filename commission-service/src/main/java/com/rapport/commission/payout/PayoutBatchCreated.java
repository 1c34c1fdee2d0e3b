package com.rapport.commission.payout;

import java.time.LocalDate;
import java.util.List;

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
