package com.rapport.referral.referral;

import com.rapport.events.money.Money;
import com.rapport.support.domain.CommandRefused;

/** The referral's own rules refuse the request (a conflict), each refusal with its own stable problem slug. */
public class ReferralRefusedException extends CommandRefused {

    private ReferralRefusedException(String slug, String title, String detail) {
        super(Reason.CONFLICT, slug, title, detail);
    }

    public static ReferralRefusedException currencyMismatch(Money amount, Money contractValue) {
        return new ReferralRefusedException("currency-mismatch", "Currency mismatch",
                "the amount is in %s but the contract is in %s"
                        .formatted(amount.currencyCode(), contractValue.currencyCode()));
    }

    public static ReferralRefusedException paymentsExceedContract(Money paid, Money amount, Money contractValue) {
        return new ReferralRefusedException("payments-exceed-contract", "Payments exceed the contract",
                "%s already received plus %s would exceed the contract value %s"
                        .formatted(paid, amount, contractValue));
    }

    public static ReferralRefusedException refundsExceedPayments(Money refunded, Money amount, Money paid) {
        return new ReferralRefusedException("refunds-exceed-payments", "Refunds exceed payments",
                "%s already refunded plus %s would exceed the %s received".formatted(refunded, amount, paid));
    }

    public static ReferralRefusedException noPaymentToRefund() {
        return new ReferralRefusedException("refunds-exceed-payments", "Refunds exceed payments",
                "no payment has been received on this referral, so nothing can be refunded");
    }

    public static ReferralRefusedException paymentIdReused(String paymentId) {
        return new ReferralRefusedException("payment-id-reused", "Payment id reused",
                "payment %s was already recorded with other content".formatted(paymentId));
    }

    public static ReferralRefusedException refundIdReused(String refundId) {
        return new ReferralRefusedException("refund-id-reused", "Refund id reused",
                "refund %s was already recorded with other content".formatted(refundId));
    }

    public static ReferralRefusedException alreadyAssigned(Object partnerId) {
        return new ReferralRefusedException("already-assigned", "Already assigned",
                "the referral is already credited to partner " + partnerId);
    }

    public static ReferralRefusedException alreadyCoIntroducer(Object partnerId) {
        return new ReferralRefusedException("already-assigned", "Already assigned",
                "partner %s already holds a share of this referral's credit; split the credit instead"
                        .formatted(partnerId));
    }

    public static ReferralRefusedException selfReferral() {
        return new ReferralRefusedException("self-referral", "Self-referral",
                "the client's contact email is the referring partner's own address");
    }

    public static ReferralRefusedException amendmentBelowCash(Money newValue, Money cashReceived) {
        return new ReferralRefusedException("amendment-below-cash", "Amendment below cash received",
                "the contract value would become %s; it must stay more than zero and at least the %s received"
                        .formatted(newValue, cashReceived));
    }

    public static ReferralRefusedException amendmentIdReused(String amendmentId) {
        return new ReferralRefusedException("amendment-id-reused", "Amendment id reused",
                "amendment %s was already recorded with other content".formatted(amendmentId));
    }
}
