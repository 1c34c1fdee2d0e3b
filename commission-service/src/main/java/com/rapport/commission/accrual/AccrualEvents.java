package com.rapport.commission.accrual;

import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;
import com.rapport.events.referral.ScheduledInstalment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What happened to a referral's commission (internal Axon events; the Kafka contract is mapped from them). Fields
 * added later are objects, null in events stored before them.
 */
public final class AccrualEvents {

    private AccrualEvents() {
    }

    /**
     * One per role at contract signing; {@code cap} is null when none applies. {@code introducerPartnerId} is the
     * introducer this role belongs to (itself for INTRODUCER, the one it introduced for OVERRIDE): with
     * co-introducers a referral has one INTRODUCER and at most one OVERRIDE role per introducer. {@code share} is
     * that introducer's share of the credit (null = 1), {@code flatFee} the deal's finder's fee (null = a rate),
     * {@code dealTerms} true when finance agreed the terms for this deal.
     */
    public record RateLocked(String referralId, CommissionRole role, String partnerId, String planId,
                             int planVersion, BigDecimal rate, int tierNumber, String tierLabel, Money cap,
                             Money contractValue, int contractNumber, Instant signedAt, int holdDays,
                             String introducerPartnerId, String introducerName, String sourceEventId,
                             BigDecimal share, Money flatFee, Boolean dealTerms) {

        public RateLocked(String referralId, CommissionRole role, String partnerId, String planId, int planVersion,
                          BigDecimal rate, int tierNumber, String tierLabel, Money cap, Money contractValue,
                          int contractNumber, Instant signedAt, int holdDays, String introducerPartnerId,
                          String introducerName, String sourceEventId) {
            this(referralId, role, partnerId, planId, planVersion, rate, tierNumber, tierLabel, cap, contractValue,
                    contractNumber, signedAt, holdDays, introducerPartnerId, introducerName, sourceEventId, null,
                    null, null);
        }

        public RoleTerms terms() {
            return new RoleTerms(rate, share, cap, flatFee);
        }

        public boolean agreedForThisDeal() {
            return Boolean.TRUE.equals(dealTerms);
        }
    }

    /**
     * Written only by contracts locked before events carried the introducer's parent; kept so that those stored
     * streams still load. Nothing applies it any more.
     */
    public record OverrideDeferred(String referralId, String introducerPartnerId, BigDecimal overrideRate,
                                   String sourceEventId) {
    }

    /** Written only for old deferred overrides (see {@link OverrideDeferred}): the introducer's name and parent. */
    public record IntroducerIdentified(String referralId, String introducerName, String parentPartnerId,
                                       String sourceEventId) {
    }

    public record ClientPaymentRecorded(String referralId, String sourceEventId, String paymentId, Money amount,
                                        Instant receivedAt, LocalDate receivedOn, Money netCash) {
    }

    public record ClientRefundRecorded(String referralId, String sourceEventId, String refundId, Money amount,
                                       Instant issuedAt, LocalDate issuedOn, Money netCash) {
    }

    /** A change order: the contract is now worth {@code contractValue}; locked terms and caps stay. */
    public record ContractAmended(String referralId, String amendmentId, Money delta, Money contractValue,
                                  String reason, Instant signedAt, String sourceEventId) {
    }

    /** The client's expected instalments (the whole schedule after the change). */
    public record PaymentScheduleSet(String referralId, List<ScheduledInstalment> schedule, String sourceEventId) {
    }

    /**
     * A positive ledger entry. {@code basis} is the client cash that caused it, {@code occurredOn} the date of that
     * cash, {@code earnedSoFar} this role's total on the referral including this entry, {@code introducerPartnerId}
     * the introducer whose role it is (null in entries written before co-introducers: the referral's only one).
     */
    public record CommissionAccrued(String entryId, String referralId, String partnerId, CommissionRole role,
                                    Money amount, BigDecimal rate, Money basis, LocalDate payableAt,
                                    LocalDate occurredOn, String explanation, String sourceEventId,
                                    Money earnedSoFar, String introducerPartnerId) {

        public CommissionAccrued(String entryId, String referralId, String partnerId, CommissionRole role,
                                 Money amount, BigDecimal rate, Money basis, LocalDate payableAt,
                                 LocalDate occurredOn, String explanation, String sourceEventId, Money earnedSoFar) {
            this(entryId, referralId, partnerId, role, amount, rate, basis, payableAt, occurredOn, explanation,
                    sourceEventId, earnedSoFar, null);
        }
    }

    /** A negative ledger entry (amount and basis negative); payable at once. */
    public record CommissionReversed(String entryId, String referralId, String partnerId, CommissionRole role,
                                     Money amount, BigDecimal rate, Money basis, LocalDate payableAt,
                                     LocalDate occurredOn, String explanation, String sourceEventId,
                                     Money earnedSoFar, String introducerPartnerId) {

        public CommissionReversed(String entryId, String referralId, String partnerId, CommissionRole role,
                                  Money amount, BigDecimal rate, Money basis, LocalDate payableAt,
                                  LocalDate occurredOn, String explanation, String sourceEventId, Money earnedSoFar) {
            this(entryId, referralId, partnerId, role, amount, rate, basis, payableAt, occurredOn, explanation,
                    sourceEventId, earnedSoFar, null);
        }
    }

    public record ReferralStageChanged(String referralId, ReferralStage stage, String sourceEventId) {
    }
}
