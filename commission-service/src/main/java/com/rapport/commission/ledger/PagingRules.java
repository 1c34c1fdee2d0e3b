package com.rapport.commission.ledger;

import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;

/** {@code page} from 0, {@code size} from 1 to the configured maximum; anything else is a 400. */
public final class PagingRules {

    private PagingRules() {
    }

    public static void require(int page, int size, int maxPageSize) {
        if (page < 0 || size < 1 || size > maxPageSize) {
            throw ProblemException.badRequest(ProblemTypes.VALIDATION_FAILED, "Invalid request",
                    "page must be 0 or more and size between 1 and %d".formatted(maxPageSize));
        }
    }
}
