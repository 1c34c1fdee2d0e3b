package com.rapport.events.money;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount in one currency, always held at that currency's ISO 4217 scale (EUR 2, JPY 0, BHD 3).
 * A value with more fraction digits than the currency has is refused rather than rounded: a caller who
 * sends 10.005 EUR has made a mistake we must not hide.
 */
@JsonSerialize(using = MoneyJson.Serializer.class)
@JsonDeserialize(using = MoneyJson.Deserializer.class)
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** API.md: more than 15 integer digits is not an amount anyone pays. */
    public static final int MAX_INTEGER_DIGITS = 15;

    public Money {
        if (amount == null) {
            throw new InvalidMoneyException("amount is required");
        }
        if (currency == null) {
            throw new InvalidMoneyException("currency is required");
        }
        // checked before any rescaling: 1e100000 is tiny as written and a megabyte once expanded
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new InvalidMoneyException("amount has more than %d integer digits".formatted(MAX_INTEGER_DIGITS));
        }
        int scale = scaleOf(currency);
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > scale) {
            throw new InvalidMoneyException("%s has more fraction digits than %s allows (%d)"
                    .formatted(amount.toPlainString(), currency.getCurrencyCode(), scale));
        }
        amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
    }

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    public static Money of(String amount, String currencyCode) {
        return new Money(parseAmount(amount), currencyOf(currencyCode));
    }

    public static Money of(BigDecimal amount, String currencyCode) {
        return new Money(amount, currencyOf(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** rate × amount, rounded half-even to the currency's minor unit (the rounding COMMISSIONS.md prescribes). */
    public Money times(BigDecimal rate) {
        return new Money(amount.multiply(rate).setScale(scaleOf(currency), RoundingMode.HALF_EVEN), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public Money abs() {
        return new Money(amount.abs(), currency);
    }

    public Money min(Money other) {
        requireSameCurrency(other);
        return compareTo(other) <= 0 ? this : other;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean sameCurrencyAs(Money other) {
        return currency.equals(other.currency);
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }

    public static int scaleOf(Currency currency) {
        return currency.getDefaultFractionDigits();
    }

    public static Currency currencyOf(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidMoneyException("currency is required");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidMoneyException("unknown currency '%s'".formatted(code));
        }
        // Funds, metals and test codes (XAU, XTS...) have no minor unit: they are not money we pay out.
        if (currency.getDefaultFractionDigits() < 0) {
            throw new InvalidMoneyException("unsupported currency '%s'".formatted(code));
        }
        return currency;
    }

    /**
     * A plain decimal as a person writes it: digits, one optional sign and point. Exponent forms ({@code 1e5}),
     * {@code NaN} and {@code Infinity} are refused (API.md), and so is anything with more than 15 integer digits.
     */
    public static BigDecimal parseAmount(String amount) {
        if (amount == null || amount.isBlank()) {
            throw new InvalidMoneyException("amount is required");
        }
        String text = amount.trim();
        if (text.length() > 64 || !PLAIN_DECIMAL.matcher(text).matches()) {
            throw new InvalidMoneyException("'%s' is not a plain decimal amount".formatted(
                    text.length() > 64 ? text.substring(0, 64) + "…" : text));
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new InvalidMoneyException("'%s' is not a decimal amount".formatted(amount));
        }
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(Objects.requireNonNull(other, "other").currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }
}
