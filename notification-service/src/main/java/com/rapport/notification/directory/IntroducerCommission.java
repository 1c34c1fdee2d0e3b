package com.rapport.notification.directory;

import com.rapport.events.money.Money;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;

/**
 * The introducer's commission entry caused by one client payment or refund, keyed by that payment's or refund's event
 * id ({@code sourceEventId}), so the payment's notification can say what it earned.
 */
@Document("introducer-commissions")
public record IntroducerCommission(@Id String sourceEventId, String referralId, String partnerId, String amount,
                                   String currency, String payableAt) {

    public static IntroducerCommission of(String sourceEventId, String referralId, String partnerId, Money amount,
                                          LocalDate payableAt) {
        return new IntroducerCommission(sourceEventId, referralId, partnerId, amount.amount().toPlainString(),
                amount.currencyCode(), payableAt == null ? null : payableAt.toString());
    }

    public Money money() {
        return Money.of(amount, currency);
    }

    public LocalDate payableOn() {
        return payableAt == null ? null : LocalDate.parse(payableAt);
    }
}
