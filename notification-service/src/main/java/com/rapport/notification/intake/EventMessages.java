package com.rapport.notification.intake;

import com.rapport.events.commission.CommissionAccruedV1;
import com.rapport.events.commission.CommissionReversedV1;
import com.rapport.events.commission.PayoutPaidV1;
import com.rapport.events.money.Money;
import com.rapport.events.referral.ContractSignedV1;
import com.rapport.events.referral.MilestoneReachedV1;
import com.rapport.events.referral.PaymentReceivedV1;
import com.rapport.events.referral.ReferralLostV1;
import com.rapport.events.referral.RefundIssuedV1;
import com.rapport.notification.directory.IntroducerCommission;
import com.rapport.notification.directory.RateLock;
import com.rapport.notification.message.Message;
import com.rapport.notification.message.Percent;
import com.rapport.notification.message.Term;

import java.util.Optional;

/**
 * What each event says to a partner, as bundle keys and typed arguments (the words are in
 * {@code messages/notifications*.properties}). Pure: the intake supplies what it looked up (client, rate, commission).
 */
public final class EventMessages {

    private EventMessages() {
    }

    public static Message submitted(String client, Money estimatedValue) {
        Message message = Message.of("referral.submitted", client);
        return estimatedValue == null ? message : message.with("referral.submitted.estimate", estimatedValue);
    }

    public static Message qualified(String client) {
        return Message.of("referral.qualified", client);
    }

    public static Message rejected(String client, String reason) {
        return Message.of("referral.rejected", client, reason);
    }

    public static Message quoted(String client, Money amount) {
        return Message.of("referral.quoted", client, amount);
    }

    public static Message contractSigned(String client, ContractSignedV1 signed, Optional<RateLock> lock) {
        Message message = Message.of("referral.contract-signed", client, signed.contractValue(), signed.signedAt(),
                signed.contractNumber());
        return lock.map(rate -> message.with("referral.contract-signed.expected-commission",
                new Percent(rate.rateValue()), rate.expectedOn(signed.contractValue()))).orElse(message);
    }

    public static Message milestoneReached(String client, MilestoneReachedV1 milestone) {
        Message message = Message.of("referral.milestone-reached", client, milestone.name());
        return milestone.note() == null || milestone.note().isBlank() ? message
                : message.with("referral.milestone-reached.note", milestone.note());
    }

    public static Message paymentReceived(String client, PaymentReceivedV1 payment,
                                          Optional<IntroducerCommission> commission) {
        Message message = Message.of("referral.payment-received", client, payment.amount(),
                Term.of("payment-kind", payment.kind()), payment.receivedAt(), payment.netCash());
        return commission.map(earned -> message.with("referral.payment-received.commission", earned.money(),
                earned.payableOn())).orElse(message);
    }

    public static Message refundIssued(String client, RefundIssuedV1 refund,
                                       Optional<IntroducerCommission> reversal) {
        Message message = Message.of("referral.refund-issued", client, refund.amount(), refund.issuedAt(),
                refund.reason(), refund.netCash());
        return reversal.map(reversed -> message.with("referral.refund-issued.reversal", reversed.money().abs()))
                .orElse(message);
    }

    public static Message delivered(String client) {
        return Message.of("referral.delivered", client);
    }

    public static Message completed(String client) {
        return Message.of("referral.completed", client);
    }

    public static Message lost(String client, ReferralLostV1 lost) {
        return Message.of("referral.lost", client, Term.of("referral-status", lost.lostAtStatus()), lost.reason());
    }

    public static Message reassignedToYou(String client, String reason) {
        return Message.of("referral.reassigned-to-you", client, reason);
    }

    public static Message reassignedAway(String client, String reason) {
        return Message.of("referral.reassigned-away", client, reason);
    }

    /** The introducer's commission, told on its own when the payment's notification had gone out without it. */
    public static Message commissionAccrued(String client, CommissionAccruedV1 accrued) {
        return Message.of("commission.accrued", client, accrued.amount(), accrued.payableAt());
    }

    public static Message commissionReversed(String client, CommissionReversedV1 reversed) {
        return Message.of("commission.reversed", client, reversed.amount().abs());
    }

    public static Message overrideAccrued(String client, String introducer, CommissionAccruedV1 accrued) {
        return Message.of("commission.override-accrued", client, accrued.amount(), introducer, accrued.payableAt());
    }

    public static Message overrideReversed(String client, String introducer, CommissionReversedV1 reversed) {
        return Message.of("commission.override-reversed", client, reversed.amount().abs(), introducer);
    }

    public static Message payoutPaid(PayoutPaidV1 paid) {
        return Message.of("commission.payout-paid", paid.amount());
    }
}
