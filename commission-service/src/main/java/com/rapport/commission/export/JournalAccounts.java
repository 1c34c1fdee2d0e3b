package com.rapport.commission.export;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code rapport.commission.journal.*}: the ledger accounts the journal posts to (COMMISSIONS.md "Journal"), as the
 * business's chart of accounts names them. Unset accounts fall back to neutral codes, so the export always works.
 */
@ConfigurationProperties("rapport.commission.journal")
public record JournalAccounts(String commissionExpense, String commissionsPayable, String bank) {

    public JournalAccounts {
        commissionExpense = orDefault(commissionExpense, "6100");
        commissionsPayable = orDefault(commissionsPayable, "2100");
        bank = orDefault(bank, "1000");
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
