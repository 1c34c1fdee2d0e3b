package com.rapport.commission.plan;

import com.rapport.support.domain.CommandRefused;

/** A partner cannot be put on a plan that was never published: 400 {@code unknown-plan}. */
public class UnknownPlanException extends CommandRefused {

    public UnknownPlanException(String planId) {
        super(Reason.INVALID, "unknown-plan", "Unknown plan", "plan %s does not exist".formatted(planId));
    }
}
