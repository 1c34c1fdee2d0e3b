package com.rapport.commission.accrual;

import com.rapport.events.money.Money;
import com.rapport.events.referral.CreditShare;
import com.rapport.support.id.ReferralId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Reverse on a refund to the client; {@code netCash} is payments − refunds so far, this one included. */
public record RecordClientRefund(@TargetAggregateIdentifier ReferralId referralId, String sourceEventId,
                                 String refundId, Money amount, Instant issuedAt, LocalDate issuedOn,
                                 Money netCash, List<CreditShare> shares) {

    public RecordClientRefund {
        shares = shares == null ? List.of() : List.copyOf(shares);
    }

    public RecordClientRefund(ReferralId referralId, String sourceEventId, String refundId, Money amount,
                              Instant issuedAt, LocalDate issuedOn, Money netCash) {
        this(referralId, sourceEventId, refundId, amount, issuedAt, issuedOn, netCash, List.of());
    }
}
