package com.rapport.commission.partner;

/**
 * A referral event names a partner whose {@code partner.registered} has not been consumed yet: partner events are
 * keyed by partnerId and referral events by referralId, so they travel on different partitions and may arrive in
 * either order. Retryable on purpose: the record is tried again with backoff, never dead-lettered.
 */
public class PartnerNotYetKnownException extends RuntimeException {

    public PartnerNotYetKnownException(String partnerId) {
        super("partner %s is not known yet; waiting for its partner.registered event".formatted(partnerId));
    }
}
