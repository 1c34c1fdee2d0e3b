package com.rapport.commission.plan;

import java.math.BigDecimal;

/** The tier a contract falls in: its 1-based number, its rate, and how a partner reads it ("first 2 contracts"). */
public record TierChoice(int number, BigDecimal rate, String label) {

    public String describe() {
        return "tier %d: %s".formatted(number, label);
    }
}
