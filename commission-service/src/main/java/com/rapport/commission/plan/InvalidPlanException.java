package com.rapport.commission.plan;

import com.rapport.support.problem.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/** Plan terms that cannot be applied (no tier from contract 1, a rate over 100 %...). */
public class InvalidPlanException extends ProblemException {

    public InvalidPlanException(List<String> violations) {
        super(HttpStatus.BAD_REQUEST, "invalid-plan", "Invalid plan", String.join("; ", violations),
                Map.of("errors", violations.stream().map(v -> {
                    int colon = v.indexOf(':');
                    return Map.of("field", colon > 0 ? v.substring(0, colon) : "plan",
                            "message", colon > 0 ? v.substring(colon + 1).trim() : v);
                }).toList()));
    }
}
