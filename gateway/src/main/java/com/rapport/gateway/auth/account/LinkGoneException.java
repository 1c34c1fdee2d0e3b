package com.rapport.gateway.auth.account;

import com.rapport.support.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * API.md: an invitation or password-reset link that was used already, has expired, or never existed is a 410.
 * The three are not told apart, so a guessed link learns nothing.
 */
public class LinkGoneException extends ProblemException {

    public static final String SLUG = "link-gone";

    public LinkGoneException(String what) {
        super(HttpStatus.GONE, SLUG, "Link no longer valid",
                "this %s link was used already or has expired; ask for a new one".formatted(what));
    }
}
