package com.rapport.commission.payout;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The bank paid the batch on {@code paidOn}: write the PAYOUT entries. {@code confirmedBy}: the token subject. */
public record ConfirmPayoutBatch(@TargetAggregateIdentifier String batchId, LocalDate paidOn,
                                 String confirmedBy) {

    public ConfirmPayoutBatch(String batchId, LocalDate paidOn) {
        this(batchId, paidOn, null);
    }
}
