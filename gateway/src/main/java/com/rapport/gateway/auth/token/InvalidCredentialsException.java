package com.rapport.gateway.auth.token;

import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

/** Wrong username or password; which of the two is never said. */
public class InvalidCredentialsException extends ProblemException {

    public InvalidCredentialsException() {
        super(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Unauthenticated",
                "the username or password is wrong");
    }
}
