package com.rapport.commission.dispute;

import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record OpenDispute(@TargetAggregateIdentifier String entryId, String disputeId, PartnerId partnerId,
                          ReferralId referralId, String message, String openedBy, Instant at) {
}
