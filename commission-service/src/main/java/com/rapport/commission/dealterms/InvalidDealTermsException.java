package com.rapport.commission.dealterms;

import com.rapport.support.domain.CommandRefused;
import com.rapport.support.problem.ProblemTypes;

import java.util.List;
import java.util.Map;

/** Deal terms that cannot be agreed (both a rate and a flat fee, a rate over 100 %...): 400 with field errors. */
public class InvalidDealTermsException extends CommandRefused {

    public InvalidDealTermsException(List<String> violations) {
        super(Reason.INVALID, ProblemTypes.VALIDATION_FAILED, "Invalid deal terms",
                String.join("; ", violations), Map.of("errors", violations.stream().map(v -> {
                    int colon = v.indexOf(':');
                    return Map.of("field", colon > 0 ? v.substring(0, colon) : "terms",
                            "message", colon > 0 ? v.substring(colon + 1).trim() : v);
                }).toList()));
    }
}
