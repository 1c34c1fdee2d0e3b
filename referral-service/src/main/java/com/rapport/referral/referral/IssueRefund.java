package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.events.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** {@code refundId} is chosen by the caller so that a retried call records the refund once. */
public record IssueRefund(@TargetAggregateIdentifier ReferralId referralId, String refundId, Money amount,
                          String reason, Instant issuedAt) {
}
