package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.events.money.Money;
import com.rapport.support.id.PartnerId;

import java.time.Instant;

/** {@code netCash}: payments minus refunds on this referral so far, this refund included. */
public record RefundIssued(ReferralId referralId, PartnerId partnerId, String refundId, Money amount, String reason,
                           Instant issuedAt, Money netCash) implements ReferralEvent {
}
