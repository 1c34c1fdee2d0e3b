package com.rapport.commission.payout;

import java.time.LocalDate;
import java.util.List;

public record PayoutBatchPaid(String batchId, LocalDate paidOn, List<BatchLine> lines) {
}
