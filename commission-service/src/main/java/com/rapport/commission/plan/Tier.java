package com.rapport.commission.plan;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.rapport.commission.config.PlainDecimalSerializer;

import java.math.BigDecimal;

/** From the partner's {@code fromContracts}-th signed contract on, commissions are earned at {@code rate}. */
public record Tier(int fromContracts, @JsonSerialize(using = PlainDecimalSerializer.class) BigDecimal rate) {
}
