package com.rapport.commission.adjustment;

import java.time.LocalDate;

public record AdjustmentApproved(String adjustmentId, String entryId, String approvedBy, LocalDate approvedOn) {
}
