package com.rapport.referral.referral;

import com.rapport.events.money.Money;

import java.time.LocalDate;

/** One payment the client is expected to make under the contract's schedule. */
public record Instalment(String name, LocalDate dueDate, Money amount) {
}
