package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.events.money.Money;
import com.rapport.support.id.PartnerId;

import java.time.Instant;

/** {@code netCash}: payments minus refunds on this referral so far, this payment included. */
public record PaymentReceived(ReferralId referralId, PartnerId partnerId, String paymentId, Money amount,
                              PaymentKind kind, Instant receivedAt, Money netCash) implements ReferralEvent {
}
