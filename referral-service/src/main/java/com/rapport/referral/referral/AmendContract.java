package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.events.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A change order; {@code amendmentId} is chosen by the caller so that a retried call amends once. */
public record AmendContract(@TargetAggregateIdentifier ReferralId referralId, String amendmentId, Money delta,
                            String reason, Instant signedAt) {
}
