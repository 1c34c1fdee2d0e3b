package com.rapport.commission.payout;

import com.rapport.support.domain.CommandRefused;
import com.rapport.support.problem.ProblemTypes;

import java.util.List;
import java.util.Map;

/** Confirming a cancelled batch or cancelling a paid one: 409, naming the current and the allowed statuses. */
public class IllegalBatchTransitionException extends CommandRefused {

    public IllegalBatchTransitionException(String batchId, String action, BatchStatus current,
                                           List<BatchStatus> allowed) {
        super(Reason.CONFLICT, ProblemTypes.ILLEGAL_TRANSITION, "Illegal transition",
                "batch %s is %s; %s is allowed from %s".formatted(batchId, current, action, allowed),
                Map.of("currentStatus", current.name(), "allowedStatuses", allowed.stream().map(Enum::name).toList()));
    }
}
