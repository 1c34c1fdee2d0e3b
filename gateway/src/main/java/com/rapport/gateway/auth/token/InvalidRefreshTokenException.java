package com.rapport.gateway.auth.token;

import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

/** A refresh token that is unknown, expired, revoked or already spent: sign in again. */
public class InvalidRefreshTokenException extends ProblemException {

    public InvalidRefreshTokenException() {
        super(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Unauthenticated",
                "the refresh token is not valid any more; sign in again");
    }
}
