package com.rapport.commission.payout;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Drop the batch and free its entries for a later one. */
public record CancelPayoutBatch(@TargetAggregateIdentifier String batchId) {
}
