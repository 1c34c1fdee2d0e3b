package com.rapport.referral.referral;

import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

import java.util.Map;

/** 409 {@code illegal-transition}: the action is not allowed from the referral's current status. */
public class IllegalTransitionException extends ProblemException {

    public IllegalTransitionException(ReferralAction action, ReferralStatus current) {
        super(HttpStatus.CONFLICT, ProblemTypes.ILLEGAL_TRANSITION, "Illegal transition",
                "cannot %s a referral that is %s; allowed only from %s"
                        .formatted(action.verb(), current, action.allowedFrom()),
                Map.of("action", action.name(),
                        "currentStatus", current.name(),
                        "allowedStatuses", action.allowedFrom().stream().map(Enum::name).toList()));
    }
}
