package com.rapport.commission.accrual;

import com.rapport.commission.dealterms.AgreedTerms;
import com.rapport.commission.plan.PlanVersion;
import com.rapport.events.money.Money;
import com.rapport.events.referral.CreditShare;
import com.rapport.events.referral.ScheduledInstalment;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the intake of referral events asks of a referral's commission. Every command names its source event. */
public final class AccrualCommands {

    private AccrualCommands() {
    }

    /**
     * One introducer of a referral as its contract-signed event names it: its share of the credit, its parent (who
     * earns the override; null when none), its own n-th signed contract, and the plan version it is on now.
     */
    public record Introducer(PartnerId partnerId, String name, BigDecimal share, PartnerId parentPartnerId,
                             int contractNumber, PlanVersion plan) {
    }

    /**
     * Lock the terms of a referral whose contract was just signed: per introducer its tier rate (or the deal's
     * {@code dealTerms}, null when none were agreed), cap and share, and its parent's override. Everything needed
     * travels with the contract-signed event: nothing waits for a partner event from another partition.
     */
    public record LockCommission(@TargetAggregateIdentifier ReferralId referralId, String sourceEventId,
                                 Money contractValue, Instant signedAt, List<Introducer> introducers,
                                 AgreedTerms dealTerms) {

        public LockCommission {
            introducers = introducers == null ? List.of() : List.copyOf(introducers);
        }
    }

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

    /** A change order: {@code contractValue} is the value after it. Writes no entry (the rule follows cash). */
    public record RecordContractAmendment(@TargetAggregateIdentifier ReferralId referralId, String sourceEventId,
                                          String amendmentId, Money delta, Money contractValue, String reason,
                                          Instant signedAt) {
    }

    /** The client's expected instalments, the whole schedule after the change (for the forecast). */
    public record RecordPaymentSchedule(@TargetAggregateIdentifier ReferralId referralId, String sourceEventId,
                                        List<ScheduledInstalment> schedule) {

        public RecordPaymentSchedule {
            schedule = schedule == null ? List.of() : List.copyOf(schedule);
        }
    }

    /** Note that the referral was delivered, completed or lost (projected commission depends on it). */
    public record RecordReferralStage(@TargetAggregateIdentifier ReferralId referralId, String sourceEventId,
                                      ReferralStage stage) {
    }
}
