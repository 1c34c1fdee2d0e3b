package com.rapport.notification.directory;

/**
 * An event names a referral whose {@code referral.submitted} has not been consumed yet (commission events travel on
 * other partitions than referral events). Retryable on purpose (never dead-lettered).
 */
public class ReferralNotYetKnownException extends RuntimeException {

    public ReferralNotYetKnownException(String referralId) {
        super("referral %s is not known yet; the event will be retried".formatted(referralId));
    }
}
