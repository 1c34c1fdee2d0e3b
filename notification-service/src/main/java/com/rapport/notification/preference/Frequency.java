package com.rapport.notification.preference;

/** When email goes out: as each notification is written, or gathered into one digest a day. */
public enum Frequency {
    IMMEDIATE, DAILY_DIGEST
}
