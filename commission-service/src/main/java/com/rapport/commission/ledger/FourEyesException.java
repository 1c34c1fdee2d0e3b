package com.rapport.commission.ledger;

import com.rapport.support.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Money moves only with a second finance user: the one who proposed or prepared it may not also approve it. */
public class FourEyesException extends ProblemException {

    public static final String SLUG = "four-eyes";

    public FourEyesException(String detail) {
        super(HttpStatus.FORBIDDEN, SLUG, "Four-eyes principle", detail);
    }
}
