package com.rapport.notification.preference;

import com.rapport.support.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A daily digest is an email: it cannot be chosen with email switched off. */
public class DigestNeedsEmailException extends ProblemException {

    public static final String SLUG = "digest-needs-email";

    public DigestNeedsEmailException() {
        super(HttpStatus.BAD_REQUEST, SLUG, "Digest needs email",
                "frequency DAILY_DIGEST sends one email a day; it needs \"email\": true");
    }
}
