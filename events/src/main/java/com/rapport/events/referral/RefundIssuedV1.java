package com.rapport.events.referral;

import com.rapport.events.IntegrationEvent;
import com.rapport.events.money.Money;

import java.time.Instant;
import java.util.List;

/** {@code rapport.referral.refund-issued.v1}. {@code netCash} = payments − refunds so far, this one included. */
public record RefundIssuedV1(String referralId, String partnerId, String refundId, Money amount, String reason,
                             Instant issuedAt, Money netCash,
        List<CreditShare> shares) implements IntegrationEvent {
    /** Without the credit shares (records written before events carried them, and tests). */
    public RefundIssuedV1(String referralId, String partnerId, String refundId, Money amount, String reason,
                             Instant issuedAt, Money netCash) {
        this(referralId, partnerId, refundId, amount, reason, issuedAt, netCash, List.of());
    }

    public RefundIssuedV1 {
        shares = shares == null ? List.of() : List.copyOf(shares);
    }

    @Override
    public String subject() {
        return referralId;
    }
}
