package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;
import com.rapport.events.money.Money;

import java.time.Instant;

/** {@code rapport.referral.payment-received.v1}. {@code netCash} = payments − refunds so far, this one included. */
public record PaymentReceivedV1(String referralId, String partnerId, String paymentId, Money amount,
                                PaymentKind kind, Instant receivedAt, Money netCash) implements IntegrationEvent {
    @Override
    public String subject() {
        return referralId;
    }
}
