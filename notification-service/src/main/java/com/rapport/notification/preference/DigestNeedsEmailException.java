package com.rapport.notification.preference;

import com.rapport.support.domain.CommandRefused;

/** A daily digest is an email: it cannot be chosen with email switched off (400 {@code digest-needs-email}). */
public class DigestNeedsEmailException extends CommandRefused {

    public static final String SLUG = "digest-needs-email";

    public DigestNeedsEmailException() {
        super(Reason.INVALID, SLUG, "Digest needs email",
                "frequency DAILY_DIGEST sends one email a day; it needs \"email\": true");
    }
}
