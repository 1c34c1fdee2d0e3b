package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.events.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** {@code paymentId} is chosen by the caller so that a retried call records the payment once. */
public record RecordPayment(@TargetAggregateIdentifier ReferralId referralId, String paymentId, Money amount,
                            PaymentKind kind, Instant receivedAt) {
}
