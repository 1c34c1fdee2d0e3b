package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;
import com.rapport.events.money.Money;

import java.time.Instant;

/** {@code rapport.referral.refund-issued.v1}. {@code netCash} = payments − refunds so far, this one included. */
public record RefundIssuedV1(String referralId, String partnerId, String refundId, Money amount, String reason,
                             Instant issuedAt, Money netCash) implements IntegrationEvent {
    @Override
    public String subject() {
        return referralId;
    }
}
