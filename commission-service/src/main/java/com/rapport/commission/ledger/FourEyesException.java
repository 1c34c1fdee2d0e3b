package com.rapport.commission.ledger;

import com.rapport.support.domain.CommandRefused;

/**
 * Money moves only with a second finance user: the one who proposed or prepared it may not also approve it (403
 * {@code four-eyes}).
 */
public class FourEyesException extends CommandRefused {

    public static final String SLUG = "four-eyes";

    public FourEyesException(String detail) {
        super(Reason.FORBIDDEN, SLUG, "Four-eyes principle", detail);
    }
}
