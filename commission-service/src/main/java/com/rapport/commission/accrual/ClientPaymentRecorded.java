package com.rapport.commission.accrual;

import com.rapport.events.money.Money;

import java.time.Instant;
import java.time.LocalDate;

public record ClientPaymentRecorded(String referralId, String sourceEventId, String paymentId, Money amount,
                                    Instant receivedAt, LocalDate receivedOn, Money netCash) {
}
