package com.rapport.referral.referral;

/** What a client payment is for. */
public enum PaymentKind {
    DEPOSIT, MILESTONE, FINAL
}
