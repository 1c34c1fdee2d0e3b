package com.rapport.notification.preference;

import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/** Preferences naming an unknown event type, language or time zone: 400 with one error per field. */
public class InvalidPreferencesException extends ProblemException {

    public InvalidPreferencesException(List<Map<String, String>> errors) {
        super(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION_FAILED, "Invalid request",
                errors.size() + " field(s) are not valid: " + String.join(", ",
                        errors.stream().map(e -> e.get("field") + " " + e.get("message")).toList()),
                Map.of("errors", errors));
    }
}
