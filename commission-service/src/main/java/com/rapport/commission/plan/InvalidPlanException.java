package com.rapport.commission.plan;

import com.rapport.support.domain.CommandRefused;

import java.util.List;
import java.util.Map;

/** Plan terms that cannot be applied (no tier from contract 1, a rate over 100 %...): 400 {@code invalid-plan}. */
public class InvalidPlanException extends CommandRefused {

    public InvalidPlanException(List<String> violations) {
        super(Reason.INVALID, "invalid-plan", "Invalid plan", String.join("; ", violations),
                Map.of("errors", violations.stream().map(v -> {
                    int colon = v.indexOf(':');
                    return Map.of("field", colon > 0 ? v.substring(0, colon) : "plan",
                            "message", colon > 0 ? v.substring(colon + 1).trim() : v);
                }).toList()));
    }
}
