package com.rapport.referral.referral;

/** Where a referral stands (API.md). REJECTED, LOST and COMPLETED are final. */
public enum ReferralStatus {
    SUBMITTED, QUALIFIED, QUOTED, CONTRACTED, DELIVERED, COMPLETED, REJECTED, LOST
}
