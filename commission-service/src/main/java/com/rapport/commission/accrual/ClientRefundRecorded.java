package com.rapport.commission.accrual;

import com.rapport.events.money.Money;

import java.time.Instant;
import java.time.LocalDate;

public record ClientRefundRecorded(String referralId, String sourceEventId, String refundId, Money amount,
                                   Instant issuedAt, LocalDate issuedOn, Money netCash) {
}
