package com.rapport.notification.intake;

import com.rapport.events.commission.CommissionAccruedV1;
import com.rapport.events.commission.CommissionAdjustedV1;
import com.rapport.events.commission.CommissionReversedV1;
import com.rapport.events.commission.DisputeResolvedV1;
import com.rapport.events.commission.InvoiceIssuedV1;
import com.rapport.events.commission.PayoutPaidV1;
import com.rapport.events.money.Money;
import com.rapport.events.referral.ContractAmendedV1;
import com.rapport.events.referral.ContractSignedV1;
import com.rapport.events.referral.FollowOnOpenedV1;
import com.rapport.events.referral.MilestoneReachedV1;
import com.rapport.events.referral.PaymentReceivedV1;
import com.rapport.events.referral.ReferralLostV1;
import com.rapport.events.referral.RefundIssuedV1;
import com.rapport.events.referral.ScheduleSetV1;
import com.rapport.events.referral.ScheduledInstalment;
import com.rapport.notification.directory.IntroducerCommission;
import com.rapport.notification.message.Message;
import com.rapport.notification.message.Percent;
import com.rapport.notification.message.Term;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What each event says to a partner, as bundle keys and typed arguments (the words are in
 * {@code messages/notifications*.properties}). Pure: the intake supplies what it looked up (client, rate, commission).
 * The client is its company name, or {@link #UNNAMED_CLIENT} where the referral is not on file.
 */
public final class EventMessages {

    /** Said instead of the client's name when the referral is not known here (yet). */
    public static final Term UNNAMED_CLIENT = new Term("client.unnamed");
    /** Said instead of an introducer's name that is not known here (yet). */
    public static final Term UNNAMED_PARTNER = new Term("partner.unnamed");

    private EventMessages() {
    }

    /** What a rate locked for a contract leads this introducer to expect from it. */
    public record Expectation(Percent rate, Money commission) {
    }

    public static Message submitted(Object client, Money estimatedValue) {
        Message message = Message.of("referral.submitted", client);
        return estimatedValue == null ? message : message.with("referral.submitted.estimate", estimatedValue);
    }

    public static Message followOnOpened(Object client, FollowOnOpenedV1 opened) {
        String description = opened.description() == null ? "" : opened.description();
        Message message = Message.of("referral.follow-on-opened", client, description);
        return opened.estimatedValue() == null ? message
                : message.with("referral.follow-on-opened.estimate", opened.estimatedValue());
    }

    public static Message qualified(Object client) {
        return Message.of("referral.qualified", client);
    }

    public static Message rejected(Object client, String reason) {
        return Message.of("referral.rejected", client, reason);
    }

    public static Message quoted(Object client, Money amount) {
        return Message.of("referral.quoted", client, amount);
    }

    /** {@code contractNumber}: the reader's own n-th signed contract (each co-introducer counts its own). */
    public static Message contractSigned(Object client, ContractSignedV1 signed, int contractNumber,
                                         Optional<Expectation> expected) {
        Message message = Message.of("referral.contract-signed", client, signed.contractValue(), signed.signedAt(),
                contractNumber);
        return expected.map(rate -> message.with("referral.contract-signed.expected-commission", rate.rate(),
                rate.commission())).orElse(message);
    }

    public static Message contractAmended(Object client, ContractAmendedV1 amended) {
        boolean grew = amended.delta().amount().signum() >= 0;
        return Message.of(grew ? "referral.contract-amended-grew" : "referral.contract-amended-shrank", client,
                amended.delta().abs(), amended.signedAt(), amended.contractValue(),
                amended.reason() == null ? "" : amended.reason());
    }

    public static Message scheduleSet(Object client, ScheduleSetV1 schedule) {
        Message message = Message.of("referral.schedule-set", client, schedule.schedule().size());
        for (ScheduledInstalment instalment : schedule.schedule()) {
            message = message.with("referral.schedule-set.instalment", instalment.name(), instalment.amount(),
                    instalment.dueDate());
        }
        return message;
    }

    public static Message creditSplit(Object client, BigDecimal share, int coIntroducers) {
        return Message.of("referral.credit-split", client, new Percent(share), coIntroducers);
    }

    public static Message milestoneReached(Object client, MilestoneReachedV1 milestone) {
        Message message = Message.of("referral.milestone-reached", client, milestone.name());
        return milestone.note() == null || milestone.note().isBlank() ? message
                : message.with("referral.milestone-reached.note", milestone.note());
    }

    public static Message paymentReceived(Object client, PaymentReceivedV1 payment,
                                          Optional<IntroducerCommission> commission) {
        Message message = Message.of("referral.payment-received", client, payment.amount(),
                Term.of("payment-kind", payment.kind()), payment.receivedAt(), payment.netCash());
        return commission.map(earned -> message.with("referral.payment-received.commission", earned.money(),
                earned.payableOn())).orElse(message);
    }

    public static Message refundIssued(Object client, RefundIssuedV1 refund,
                                       Optional<IntroducerCommission> reversal) {
        Message message = Message.of("referral.refund-issued", client, refund.amount(), refund.issuedAt(),
                refund.reason(), refund.netCash());
        return reversal.map(reversed -> message.with("referral.refund-issued.reversal", reversed.money().abs()))
                .orElse(message);
    }

    public static Message delivered(Object client) {
        return Message.of("referral.delivered", client);
    }

    public static Message completed(Object client) {
        return Message.of("referral.completed", client);
    }

    public static Message lost(Object client, ReferralLostV1 lost) {
        return Message.of("referral.lost", client, Term.of("referral-status", lost.lostAtStatus()), lost.reason());
    }

    public static Message reassignedToYou(Object client, String reason) {
        return Message.of("referral.reassigned-to-you", client, reason);
    }

    public static Message reassignedAway(Object client, String reason) {
        return Message.of("referral.reassigned-away", client, reason);
    }

    /** The rate locked for a contract that was told before the rate was known. */
    public static Message rateLocked(Object client, Expectation expected) {
        return Message.of("commission.rate-locked", client, expected.rate(), expected.commission());
    }

    /** The introducer's commission, told on its own when the payment's notification had gone out without it. */
    public static Message commissionAccrued(Object client, CommissionAccruedV1 accrued) {
        return Message.of("commission.accrued", client, accrued.amount(), accrued.payableAt());
    }

    public static Message commissionReversed(Object client, CommissionReversedV1 reversed) {
        return Message.of("commission.reversed", client, reversed.amount().abs());
    }

    public static Message overrideAccrued(Object client, Object introducer, CommissionAccruedV1 accrued) {
        return Message.of("commission.override-accrued", client, accrued.amount(), introducer, accrued.payableAt());
    }

    public static Message overrideReversed(Object client, Object introducer, CommissionReversedV1 reversed) {
        return Message.of("commission.override-reversed", client, reversed.amount().abs(), introducer);
    }

    public static Message payoutPaid(PayoutPaidV1 paid) {
        return Message.of("commission.payout-paid", paid.amount());
    }

    /** {@code client} is empty for an adjustment that concerns no referral. */
    public static Message adjusted(CommissionAdjustedV1 adjusted, Optional<Object> client) {
        Message message = Message.of("commission.adjusted", adjusted.amount(),
                adjusted.reason() == null ? "" : adjusted.reason());
        return client.map(name -> message.with("commission.adjusted.referral", name)).orElse(message);
    }

    public static Message entryHeld(String reason) {
        return Message.of("commission.entry-held", reason == null ? "" : reason);
    }

    public static Message entryReleased(String reason) {
        return Message.of("commission.entry-released", reason == null ? "" : reason);
    }

    public static Message disputeOpened() {
        return Message.of("commission.dispute-opened");
    }

    public static Message disputeResolved(DisputeResolvedV1 resolved) {
        Message message = Message.of("commission.dispute-resolved", Term.of("dispute-outcome", resolved.outcome()));
        return resolved.note() == null || resolved.note().isBlank() ? message
                : message.with("commission.dispute-resolved.note", resolved.note());
    }

    public static Message invoiceIssued(InvoiceIssuedV1 invoice) {
        return Message.of("commission.invoice-issued", invoice.invoiceNumber(), invoice.net(), invoice.vat(),
                invoice.total());
    }
}
