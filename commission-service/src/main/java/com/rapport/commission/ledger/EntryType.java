package com.rapport.commission.ledger;

/**
 * ACCRUAL earns, REVERSAL takes back (negative), PAYOUT records money paid out to the partner (negative), ADJUSTMENT
 * corrects by hand (either sign; approved by a second finance user or by resolving a dispute).
 */
public enum EntryType {
    ACCRUAL, REVERSAL, PAYOUT, ADJUSTMENT
}
