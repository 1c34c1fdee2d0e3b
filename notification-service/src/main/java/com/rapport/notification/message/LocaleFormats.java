package com.rapport.notification.message;

import com.rapport.events.money.Money;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Amounts, dates and rates as each language writes them: {@code €1,000.00} / {@code 1 000,00 €} / {@code €1,000.00},
 * {@code November 20, 2026} / {@code 20 novembre 2026} / {@code 2026年11月20日}. Money keeps its currency's
 * minor units (JPY none, BHD three) whatever the locale would otherwise show.
 */
public final class LocaleFormats {

    /** Most fraction digits a rate shows: 12.5 % is shown, 12.3456 % is not a rate anyone uses. */
    private static final int RATE_FRACTION_DIGITS = 2;

    private LocaleFormats() {
    }

    public static String money(Money money, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        int digits = Money.scaleOf(money.currency());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(money.amount());
    }

    public static String date(Instant instant, Locale locale, ZoneId zone) {
        return date(instant.atZone(zone), locale);
    }

    public static String date(LocalDate date, Locale locale) {
        return date((TemporalAccessor) date, locale);
    }

    public static String percent(Percent percent, Locale locale) {
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(RATE_FRACTION_DIGITS);
        return format.format(percent.rate());
    }

    private static String date(TemporalAccessor date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }
}
