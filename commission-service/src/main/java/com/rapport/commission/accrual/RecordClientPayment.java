package com.rapport.commission.accrual;

import com.rapport.events.money.Money;
import com.rapport.events.referral.CreditShare;
import com.rapport.support.id.ReferralId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Accrue on a client payment; {@code netCash} is payments − refunds so far, this one included. {@code shares}
 * as the event carried them (empty for old records): they settle an override an old contract still waits for.
 */
public record RecordClientPayment(@TargetAggregateIdentifier ReferralId referralId, String sourceEventId,
                                  String paymentId, Money amount, Instant receivedAt, LocalDate receivedOn,
                                  Money netCash, List<CreditShare> shares) {

    public RecordClientPayment {
        shares = shares == null ? List.of() : List.copyOf(shares);
    }

    public RecordClientPayment(ReferralId referralId, String sourceEventId, String paymentId, Money amount,
                               Instant receivedAt, LocalDate receivedOn, Money netCash) {
        this(referralId, sourceEventId, paymentId, amount, receivedAt, receivedOn, netCash, List.of());
    }
}
