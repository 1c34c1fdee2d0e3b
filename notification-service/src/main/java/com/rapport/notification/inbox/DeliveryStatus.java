package com.rapport.notification.inbox;

/** Where one channel's delivery stands. SUPPRESSED: the partner's preferences said not to send it there. */
public enum DeliveryStatus {
    PENDING, SENT, FAILED, SUPPRESSED
}
