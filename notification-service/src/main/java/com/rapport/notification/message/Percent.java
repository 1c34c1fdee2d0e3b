package com.rapport.notification.message;

import java.math.BigDecimal;

/** A rate such as 0.10, written as a percentage the way the reader's language writes it (10 %, 10%). */
public record Percent(BigDecimal rate) {
}
