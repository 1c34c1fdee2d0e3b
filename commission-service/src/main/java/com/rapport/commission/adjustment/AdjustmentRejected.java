package com.rapport.commission.adjustment;

public record AdjustmentRejected(String adjustmentId, String reason, String rejectedBy) {
}
