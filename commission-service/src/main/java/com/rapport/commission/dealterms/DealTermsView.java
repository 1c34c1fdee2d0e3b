package com.rapport.commission.dealterms;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.rapport.commission.config.PlainDecimalSerializer;
import com.rapport.events.money.Money;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code GET /api/deal-terms/{referralId}}: {@code {"referralId", "rate" | "flatFee", "cap"?, "reason", "agreedBy",
 * "agreedAt", "locked", "lockedAt"?}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DealTermsView(String referralId, @JsonSerialize(using = PlainDecimalSerializer.class) BigDecimal rate,
                            Money flatFee, Money cap, String reason, String agreedBy, Instant agreedAt,
                            boolean locked, Instant lockedAt) {
}
