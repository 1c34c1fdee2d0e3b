package com.rapport.commission.payout;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code rapport.commission.payout.*}: after how long a claim whose batch was never created counts as left behind
 * by a crash, and the paying account that pain.001 files debit.
 */
@ConfigurationProperties("rapport.commission.payout")
public record PayoutProperties(Duration orphanClaimTimeout, Debtor debtor) {

    /** The business's own account; {@code bic} may be empty ("NOTPROVIDED" is sent then). */
    public record Debtor(String name, String iban, String bic) {
    }
}
