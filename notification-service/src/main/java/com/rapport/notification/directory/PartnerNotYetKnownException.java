package com.rapport.notification.directory;

/**
 * An event names a partner whose {@code partner.registered} has not been consumed yet: partner and referral events
 * travel on different partitions, so this is a matter of time. Retryable on purpose (never dead-lettered).
 */
public class PartnerNotYetKnownException extends RuntimeException {

    public PartnerNotYetKnownException(String partnerId) {
        super("partner %s is not known yet; the event will be retried".formatted(partnerId));
    }
}
