package com.rapport.referral.referral.claim;

import com.rapport.support.problem.ProblemException;
import org.springframework.http.HttpStatus;

import java.time.Duration;

/** 409 {@code duplicate-referral}. Says nothing of the other referral: it may be another partner's. */
public class DuplicateReferralException extends ProblemException {

    public static final String SLUG = "duplicate-referral";

    public DuplicateReferralException(Duration window) {
        super(HttpStatus.CONFLICT, SLUG, "Duplicate referral",
                "this client (same company name or contact email) was already referred: that referral is still open "
                        + "or was submitted less than %d days ago".formatted(window.toDays()));
    }
}
