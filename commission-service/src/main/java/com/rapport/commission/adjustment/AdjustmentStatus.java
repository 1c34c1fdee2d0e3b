package com.rapport.commission.adjustment;

public enum AdjustmentStatus {
    PROPOSED, APPROVED, REJECTED
}
