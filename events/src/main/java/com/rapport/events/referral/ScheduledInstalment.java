package com.rapport.events.referral;

import com.rapport.events.money.Money;

import java.time.LocalDate;

/** One instalment the client is expected to pay. */
public record ScheduledInstalment(String name, LocalDate dueDate, Money amount) {
}
