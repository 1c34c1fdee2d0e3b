package com.rapport.commission.accrual;

import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** What happened to a referral's commission (internal Axon events; the Kafka contract is mapped from them). */
public final class AccrualEvents {

    private AccrualEvents() {
    }

    /** One per role at contract signing; {@code cap} is null when the plan has none for the contract's currency. */
    public record RateLocked(String referralId, CommissionRole role, String partnerId, String planId,
                             int planVersion, BigDecimal rate, int tierNumber, String tierLabel, Money cap,
                             Money contractValue, int contractNumber, Instant signedAt, int holdDays,
                             String introducerPartnerId, String introducerName, String sourceEventId) {
    }

    /** The contract was locked before the introducer's registration was known: its override waits for it. */
    public record OverrideDeferred(String referralId, String introducerPartnerId, BigDecimal overrideRate,
                                          String sourceEventId) {
    }

    /** The introducer's registration arrived: its name and parent (null when it has none). */
    public record IntroducerIdentified(String referralId, String introducerName, String parentPartnerId,
                                       String sourceEventId) {
    }

    public record ClientPaymentRecorded(String referralId, String sourceEventId, String paymentId, Money amount,
                                        Instant receivedAt, LocalDate receivedOn, Money netCash) {
    }

    public record ClientRefundRecorded(String referralId, String sourceEventId, String refundId, Money amount,
                                       Instant issuedAt, LocalDate issuedOn, Money netCash) {
    }

    /**
     * A positive ledger entry. {@code basis} is the client cash that caused it, {@code occurredOn} the date of that
     * cash, {@code earnedSoFar} this role's total on the referral including this entry.
     */
    public record CommissionAccrued(String entryId, String referralId, String partnerId, CommissionRole role,
                                    Money amount, BigDecimal rate, Money basis, LocalDate payableAt,
                                    LocalDate occurredOn, String explanation, String sourceEventId,
                                    Money earnedSoFar) {
    }

    /** A negative ledger entry (amount and basis negative); payable at once. */
    public record CommissionReversed(String entryId, String referralId, String partnerId, CommissionRole role,
                                     Money amount, BigDecimal rate, Money basis, LocalDate payableAt,
                                     LocalDate occurredOn, String explanation, String sourceEventId,
                                     Money earnedSoFar) {
    }

    public record ReferralStageChanged(String referralId, ReferralStage stage, String sourceEventId) {
    }
}
