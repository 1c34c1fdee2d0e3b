package com.rapport.commission.payout;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Make a batch whose opening failed or timed out definite: one that is not there yet is closed for good
 * (ABANDONED) so that a late opening command fails; answers the batch's status either way.
 */
public record AbandonPayoutBatch(@TargetAggregateIdentifier String batchId) {
}
