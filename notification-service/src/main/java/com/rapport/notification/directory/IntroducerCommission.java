package com.rapport.notification.directory;

import com.rapport.events.money.Money;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;

/**
 * An introducer's commission entry caused by one client payment or refund, keyed by that payment's or refund's event
 * id ({@code sourceEventId}) and the introducer (each co-introducer earns its own), so the payment's notification can
 * say what it earned. {@code cloudEvent} is the accrued / reversed event (to tell it on its own when the payment was
 * told without it); {@code toldIn} says which notification took it, so it is told exactly once. {@code commission} is
 * money in the shared shape ({@code {amount: Decimal128, currency}}); {@code amount} / {@code currency} are how entries
 * stored before kept it (decimal string, code): null on entries written since, read into {@code commission} when it is
 * missing.
 */
@Document("introducer-commissions")
public record IntroducerCommission(@Id String id, String sourceEventId, String referralId, String partnerId,
                                   Money commission, String amount, String currency, String payableAt,
                                   String cloudEvent, String toldIn) implements CommissionFact {

    public IntroducerCommission {
        if (commission == null && amount != null && currency != null) {
            commission = Money.of(amount, currency);
        }
    }

    public static IntroducerCommission of(String sourceEventId, ReferralId referralId, PartnerId partnerId,
                                          Money amount, LocalDate payableAt) {
        return of(sourceEventId, referralId, partnerId, amount, payableAt, null);
    }

    public static IntroducerCommission of(String sourceEventId, ReferralId referralId, PartnerId partnerId,
                                          Money amount, LocalDate payableAt, String cloudEvent) {
        return new IntroducerCommission(idOf(sourceEventId, partnerId), sourceEventId, referralId.value(),
                partnerId.value(), amount, null, null, payableAt == null ? null : payableAt.toString(), cloudEvent,
                null);
    }

    public static String idOf(String sourceEventId, PartnerId partnerId) {
        return sourceEventId + "/" + partnerId.value();
    }

    /** The referral the commission is on (the document keeps a plain string). */
    public ReferralId referral() {
        return referralId == null ? null : ReferralId.of(referralId);
    }

    public Money money() {
        return commission;
    }

    public LocalDate payableOn() {
        return payableAt == null ? null : LocalDate.parse(payableAt);
    }
}
