package com.rapport.commission.ledger;

/** ACCRUAL earns, REVERSAL takes back (negative), PAYOUT records money paid out to the partner (negative). */
public enum EntryType {
    ACCRUAL, REVERSAL, PAYOUT
}
