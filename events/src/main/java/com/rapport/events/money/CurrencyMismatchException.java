package com.rapport.events.money;

import java.util.Currency;

/** Arithmetic across two currencies: always a programming or input error, never silently converted. */
public class CurrencyMismatchException extends IllegalArgumentException {
    public CurrencyMismatchException(Currency expected, Currency actual) {
        super("currency %s does not match %s".formatted(actual.getCurrencyCode(), expected.getCurrencyCode()));
    }
}
