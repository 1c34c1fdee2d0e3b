package com.rapport.referral.partner;

import com.rapport.support.id.PartnerId;
import com.rapport.support.problem.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/** A request names a partner that does not exist: invalid input (400), reported on the field that named it. */
public class UnknownPartnerException extends ProblemException {

    public static final String SLUG = "unknown-partner";

    public UnknownPartnerException(String field, PartnerId partnerId) {
        super(HttpStatus.BAD_REQUEST, SLUG, "Unknown partner", "%s: no partner %s exists".formatted(field, partnerId),
                Map.of("errors", List.of(Map.of("field", field, "message", "no such partner"))));
    }
}
