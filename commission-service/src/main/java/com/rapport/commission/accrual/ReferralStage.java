package com.rapport.commission.accrual;

/** How far the referral behind a commission has come since its contract; the first two are still open. */
public enum ReferralStage {
    CONTRACTED, DELIVERED, COMPLETED, LOST;

    /** Projected commission counts referrals that are still expected to pay (COMMISSIONS.md "Balances"). */
    public boolean isOpen() {
        return this == CONTRACTED || this == DELIVERED;
    }
}
