package com.rapport.commission.accrual;

import com.rapport.events.money.Money;

import java.time.Instant;

/** A change order: the contract is now worth {@code contractValue}; locked terms and caps stay. */
public record ContractAmended(String referralId, String amendmentId, Money delta, Money contractValue,
                              String reason, Instant signedAt, String sourceEventId) {
}
