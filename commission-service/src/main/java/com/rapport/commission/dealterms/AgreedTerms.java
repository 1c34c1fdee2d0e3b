package com.rapport.commission.dealterms;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.rapport.commission.config.PlainDecimalSerializer;
import com.rapport.events.money.Money;

import java.math.BigDecimal;

/**
 * Terms finance agreed for one referral before its contract (COMMISSIONS.md "Per-deal terms"): exactly one of
 * {@code rate} (replaces the tier rate) or {@code flatFee} (a finder's fee earned as the client pays), and an
 * optional {@code cap}.
 */
public record AgreedTerms(@JsonSerialize(using = PlainDecimalSerializer.class) BigDecimal rate, Money flatFee,
                          Money cap, String reason) {
}
