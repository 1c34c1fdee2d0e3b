package com.rapport.commission.payout;

import java.util.List;

public record PayoutBatchCancelled(String batchId, List<BatchLine> lines) {
}
