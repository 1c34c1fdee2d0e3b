package com.rapport.gateway.auth.token;

import com.rapport.gateway.ratelimit.RetryAfter;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

import java.time.Duration;

/** The username is locked after too many wrong passwords; the same answer whatever the password. */
public class TooManySignInAttemptsException extends ProblemException {

    private final Duration retryAfter;

    public TooManySignInAttemptsException(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_REQUESTS, "Too many requests",
                "too many failed sign-ins for this username; try again later");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, for the Retry-After header. */
    public long retryAfterSeconds() {
        return RetryAfter.seconds(retryAfter);
    }
}
