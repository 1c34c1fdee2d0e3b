package com.rapport.gateway.auth.user;

import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/** A new login that breaks a rule annotations cannot express; answered like any other invalid field (400). */
public class InvalidUserException extends ProblemException {

    public InvalidUserException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION_FAILED, "Invalid request",
                "1 field(s) are not valid: %s %s".formatted(field, message),
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
