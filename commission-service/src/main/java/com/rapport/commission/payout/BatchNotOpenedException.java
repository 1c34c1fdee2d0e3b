package com.rapport.commission.payout;

import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

/** The batch could not be opened and is known never to open: its entries are free again; the request may be retried. */
class BatchNotOpenedException extends ProblemException {

    BatchNotOpenedException(String batchId, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE, "Batch not opened",
                "batch %s could not be opened; nothing was claimed, try again".formatted(batchId));
        initCause(cause);
    }
}
