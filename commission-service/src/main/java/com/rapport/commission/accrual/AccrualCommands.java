package com.rapport.commission.accrual;

import com.rapport.commission.plan.PlanVersion;
import com.rapport.events.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/** What the intake of referral events asks of a referral's commission. Every command names its source event. */
public final class AccrualCommands {

    private AccrualCommands() {
    }

    /**
     * Lock the plan, version, rates and override partner of a referral whose contract was just signed.
     * {@code overridePartnerId} is the introducer's parent partner, null when it has none. When the introducer's
     * registration has not been consumed yet ({@code introducerKnown} false), the override waits for
     * {@link LockOverride}.
     */
    public record LockCommission(@TargetAggregateIdentifier String referralId, String sourceEventId,
                                 String introducerPartnerId, String introducerName, String overridePartnerId,
                                 boolean introducerKnown, Money contractValue, int contractNumber, Instant signedAt,
                                 PlanVersion plan) {
    }

    /**
     * The introducer's registration arrived after its contract: lock the override for its parent (if any) at the
     * override rate of the plan version locked at signing, and catch up on the cash received meanwhile.
     */
    public record LockOverride(@TargetAggregateIdentifier String referralId, String sourceEventId,
                               String introducerName, String parentPartnerId) {
    }

    /** Accrue on a client payment; {@code netCash} is payments − refunds so far, this one included. */
    public record RecordClientPayment(@TargetAggregateIdentifier String referralId, String sourceEventId,
                                      String paymentId, Money amount, Instant receivedAt, LocalDate receivedOn,
                                      Money netCash) {
    }

    /** Reverse on a refund to the client; {@code netCash} is payments − refunds so far, this one included. */
    public record RecordClientRefund(@TargetAggregateIdentifier String referralId, String sourceEventId,
                                     String refundId, Money amount, Instant issuedAt, LocalDate issuedOn,
                                     Money netCash) {
    }

    /** Note that the referral was delivered, completed or lost (projected commission depends on it). */
    public record RecordReferralStage(@TargetAggregateIdentifier String referralId, String sourceEventId,
                                      ReferralStage stage) {
    }
}
