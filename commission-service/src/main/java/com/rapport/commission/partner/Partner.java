package com.rapport.commission.partner;

/** What commissions need to know of a partner: its name (for explanations) and who introduced it (overrides). */
public record Partner(String partnerId, String name, String parentPartnerId) {
}
