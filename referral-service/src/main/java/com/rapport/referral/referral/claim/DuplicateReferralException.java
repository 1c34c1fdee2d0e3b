package com.rapport.referral.referral.claim;

import com.rapport.support.domain.CommandRefused;

import java.time.Duration;

/** {@code duplicate-referral} (a conflict). Says nothing of the other referral: it may be another partner's. */
public class DuplicateReferralException extends CommandRefused {

    public static final String SLUG = "duplicate-referral";

    public DuplicateReferralException(Duration window) {
        super(Reason.CONFLICT, SLUG, "Duplicate referral",
                "this client (same company name or contact email) was already referred: that referral is still open "
                        + "or was submitted less than %d days ago".formatted(window.toDays()));
    }
}
