package com.rapport.commission.plan;

import com.rapport.support.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A partner cannot be put on a plan that was never published. */
public class UnknownPlanException extends ProblemException {

    public UnknownPlanException(String planId) {
        super(HttpStatus.BAD_REQUEST, "unknown-plan", "Unknown plan", "plan %s does not exist".formatted(planId));
    }
}
