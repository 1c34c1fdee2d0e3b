package com.rapport.notification.directory;

import com.rapport.events.money.Money;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * An introducer's rate locked for a referral when its contract was signed ({@code rapport.commission.rate-locked.v1}),
 * kept to tell the partner what commission the contract should bring: in the contract's notification when it is
 * known by then, else on its own. Keyed by referral and partner (each co-introducer has its own). {@code cloudEvent}
 * is the rate-locked event (to tell it on its own); {@code toldIn} says which notification took it, so it is told
 * exactly once. The rate is a decimal string (exact in every store); the cap is money in the shared shape
 * ({@code {amount: Decimal128, currency}}). {@code capAmount} / {@code capCurrency} are how locks stored before kept
 * the cap (decimal string, code): null on locks written since, read into {@code cap} when it is missing.
 */
@Document("rate-locks")
public record RateLock(@Id String id, String referralId, String partnerId, String rate, Money cap, String capAmount,
                       String capCurrency, String cloudEvent, String toldIn) implements CommissionFact {

    public RateLock {
        if (cap == null && capAmount != null && capCurrency != null) {
            cap = Money.of(capAmount, capCurrency);
        }
    }

    public static RateLock of(ReferralId referralId, PartnerId partnerId, BigDecimal rate, Money cap) {
        return of(referralId, partnerId, rate, cap, null);
    }

    public static RateLock of(ReferralId referralId, PartnerId partnerId, BigDecimal rate, Money cap,
                              String cloudEvent) {
        return new RateLock(idOf(referralId, partnerId), referralId.value(), partnerId.value(), rate.toPlainString(),
                cap, null, null, cloudEvent, null);
    }

    public static String idOf(ReferralId referralId, PartnerId partnerId) {
        return referralId.value() + "/" + partnerId.value();
    }

    /** The introducer whose rate this is (the document keeps a plain string). */
    public PartnerId introducer() {
        return PartnerId.of(partnerId);
    }

    public BigDecimal rateValue() {
        return new BigDecimal(rate);
    }

    /**
     * min(cap, round(rate × share × contract value)): what the whole contract earns this introducer once paid in full
     * (COMMISSIONS.md, co-introducers; share 1 when the credit is not split).
     */
    public Money expectedOn(Money contractValue, BigDecimal share) {
        Money expected = contractValue.times(rateValue().multiply(share));
        return Optional.ofNullable(cap).filter(expected::sameCurrencyAs).map(expected::min).orElse(expected);
    }

    public Money expectedOn(Money contractValue) {
        return expectedOn(contractValue, BigDecimal.ONE);
    }
}
