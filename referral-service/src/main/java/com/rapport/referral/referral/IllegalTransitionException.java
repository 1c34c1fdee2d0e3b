package com.rapport.referral.referral;

import com.rapport.support.domain.CommandRefused;
import com.rapport.support.problem.ProblemTypes;

import java.util.Map;

/** {@code illegal-transition}: the action is not allowed from the referral's current status (a conflict). */
public class IllegalTransitionException extends CommandRefused {

    public IllegalTransitionException(ReferralAction action, ReferralStatus current) {
        super(Reason.CONFLICT, ProblemTypes.ILLEGAL_TRANSITION, "Illegal transition",
                "cannot %s a referral that is %s; allowed only from %s"
                        .formatted(action.verb(), current, action.allowedFrom()),
                Map.of("action", action.name(),
                        "currentStatus", current.name(),
                        "allowedStatuses", action.allowedFrom().stream().map(Enum::name).toList()));
    }
}
