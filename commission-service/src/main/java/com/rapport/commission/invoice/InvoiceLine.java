package com.rapport.commission.invoice;

import com.rapport.events.money.Money;

/**
 * One ledger entry on an invoice. {@code client} is the client company when known, else null (the referral id is
 * printed then); {@code type} is the ledger entry type (ACCRUAL, REVERSAL, ADJUSTMENT).
 */
public record InvoiceLine(String entryId, String referralId, String client, String type, Money amount,
                          String explanation) {
}
