package com.rapport.events.referral;

import java.math.BigDecimal;

/**
 * One introducer's part of a referral's credit, with what consumers need to act on it without waiting for a partner
 * event from another partition (EVENTS.md): the parent who earns the override, and how and where to tell them.
 * {@code contractNumber} is this introducer's n-th signed contract; it is set on contract-signed only.
 */
public record CreditShare(String partnerId, BigDecimal share, String parentPartnerId, String language, String email,
                          String name, Integer contractNumber) {

    public static CreditShare whole(String partnerId) {
        return new CreditShare(partnerId, BigDecimal.ONE, null, null, null, null, null);
    }
}
