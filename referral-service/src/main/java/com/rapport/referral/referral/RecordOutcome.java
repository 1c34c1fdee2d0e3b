package com.rapport.referral.referral;

/** What a payment or refund command did: recorded it now, or found the very same one already recorded. */
public enum RecordOutcome {
    RECORDED, ALREADY_RECORDED
}
