package com.rapport.gateway.auth.user;

import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

/** The same Idempotency-Key came back with another request. */
public class IdempotencyKeyReusedException extends ProblemException {

    public IdempotencyKeyReusedException() {
        super(HttpStatus.CONFLICT, ProblemTypes.IDEMPOTENCY_KEY_REUSED, "Idempotency key reused",
                "this Idempotency-Key was used with a different request");
    }
}
