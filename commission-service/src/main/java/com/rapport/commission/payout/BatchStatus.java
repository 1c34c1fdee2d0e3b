package com.rapport.commission.payout;

/** OPEN and PAID batches hold their entries; a CANCELLED one has let them go. */
public enum BatchStatus {
    OPEN, PAID, CANCELLED
}
