package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;
import com.rapport.events.money.Money;

import java.time.Instant;
import java.util.List;

/** {@code rapport.referral.payment-received.v1}. {@code netCash} = payments − refunds so far, this one included. */
public record PaymentReceivedV1(String referralId, String partnerId, String paymentId, Money amount,
                                PaymentKind kind, Instant receivedAt, Money netCash,
        List<CreditShare> shares) implements IntegrationEvent {
    /** Without the credit shares (records written before events carried them, and tests). */
    public PaymentReceivedV1(String referralId, String partnerId, String paymentId, Money amount,
                                PaymentKind kind, Instant receivedAt, Money netCash) {
        this(referralId, partnerId, paymentId, amount, kind, receivedAt, netCash, List.of());
    }

    public PaymentReceivedV1 {
        shares = shares == null ? List.of() : List.copyOf(shares);
    }

    @Override
    public String subject() {
        return referralId;
    }
}
