package com.rapport.commission.payout;

/** A batch that never opened was closed for good: its identifier can no longer open, its claims go back. */
public record PayoutBatchAbandoned(String batchId) {
}
