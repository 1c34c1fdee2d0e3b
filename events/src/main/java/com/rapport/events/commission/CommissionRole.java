package com.rapport.events.commission;

/** Who earns an entry: the partner who introduced the client, or the partner who introduced that partner. */
public enum CommissionRole {
    INTRODUCER, OVERRIDE
}
