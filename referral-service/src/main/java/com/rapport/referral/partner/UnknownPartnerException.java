package com.rapport.referral.partner;

import com.rapport.support.domain.CommandRefused;
import com.rapport.support.id.PartnerId;

import java.util.List;
import java.util.Map;

/** A request names a partner that does not exist: invalid input, reported on the field that named it. */
public class UnknownPartnerException extends CommandRefused {

    public static final String SLUG = "unknown-partner";

    public UnknownPartnerException(String field, PartnerId partnerId) {
        super(Reason.INVALID, SLUG, "Unknown partner", "%s: no partner %s exists".formatted(field, partnerId),
                Map.of("errors", List.of(Map.of("field", field, "message", "no such partner"))));
    }
}
