package com.rapport.commission.adjustment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A second finance user approves: the ADJUSTMENT entry is written, payable on {@code approvedOn}. */
public record ApproveAdjustment(@TargetAggregateIdentifier String adjustmentId, String approvedBy,
                                LocalDate approvedOn) {
}
