package com.rapport.notification.directory;

import com.rapport.events.money.Money;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The introducer's rate locked for a referral when its contract was signed ({@code rapport.commission.rate-locked.v1}),
 * kept to tell the partner what commission a contract should bring. Amounts as decimal strings: exact in every store.
 */
@Document("rate-locks")
public record RateLock(@Id String referralId, String partnerId, String rate, String capAmount, String capCurrency) {

    public static RateLock of(String referralId, String partnerId, BigDecimal rate, Money cap) {
        return new RateLock(referralId, partnerId, rate.toPlainString(),
                cap == null ? null : cap.amount().toPlainString(), cap == null ? null : cap.currencyCode());
    }

    public BigDecimal rateValue() {
        return new BigDecimal(rate);
    }

    /** min(cap, round(rate × contract value)): what the whole contract earns the introducer once paid in full. */
    public Money expectedOn(Money contractValue) {
        Money expected = contractValue.times(rateValue());
        Optional<Money> cap = capAmount == null ? Optional.empty() : Optional.of(Money.of(capAmount, capCurrency));
        return cap.filter(expected::sameCurrencyAs).map(expected::min).orElse(expected);
    }
}
