package com.rapport.events.referral;

public enum PaymentKind {
    DEPOSIT, MILESTONE, FINAL
}
