package com.rapport.gateway.auth.user;

import com.rapport.support.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A login with this username exists already. */
public class UsernameTakenException extends ProblemException {

    public static final String SLUG = "duplicate-username";

    public UsernameTakenException(String username) {
        super(HttpStatus.CONFLICT, SLUG, "Username taken", "a user named '%s' exists already".formatted(username));
    }
}
