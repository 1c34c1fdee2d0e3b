package com.rapport.commission.accrual;

import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;

/**
 * One sentence per ledger entry that a partner can read and check: the rate, the client cash it applies to and its
 * date, the contract, the tier, and the cap when the cap decided the amount.
 */
public final class Explanations {

    private Explanations() {
    }

    /** What a commission entry is about: its role's terms and the client cash that caused it. */
    public record Context(CommissionRole role, BigDecimal rate, String tierDescription, Money cap, boolean capped,
                          boolean refund, Money cash, LocalDate cashDate, Money contractValue,
                          String introducerName) {
    }

    public static String explain(Context c) {
        String cash = c.refund()
                ? "a %s refund issued %s".formatted(amount(c.cash()), c.cashDate())
                : "a %s payment received %s".formatted(amount(c.cash()), c.cashDate());
        String capNote = c.capped() ? "; capped at %s per referral".formatted(amount(c.cap())) : "";
        if (c.role() == CommissionRole.OVERRIDE) {
            String whose = c.introducerName() == null ? "a partner you introduced"
                    : "%s, a partner you introduced".formatted(c.introducerName());
            return "%s override %s %s from a client of %s (contract %s)".formatted(
                    percent(c.rate()), c.refund() ? "taken back on" : "on", cash, whose, amount(c.contractValue()));
        }
        return "%s of %s%s (contract %s; %s%s)".formatted(percent(c.rate()), cash,
                c.refund() ? ", taken back" : "", amount(c.contractValue()), c.tierDescription(), capNote);
    }

    /** An override locked after the fact, catching up on all the client's net cash so far. */
    public static String explainCatchUp(BigDecimal rate, Money netCash, LocalDate lastCashDate, Money contractValue,
                                        String introducerName) {
        String whose = introducerName == null ? "a partner you introduced"
                : "%s, a partner you introduced".formatted(introducerName);
        return "%s override on %s received up to %s from a client of %s (contract %s)".formatted(percent(rate),
                amount(netCash), lastCashDate, whose, amount(contractValue));
    }

    /** {@code 3,333.34 EUR}, {@code 100,000 JPY}, {@code 1.250 BHD}: grouped, at the currency's scale. */
    public static String amount(Money money) {
        int scale = Money.scaleOf(money.currency());
        DecimalFormat format = new DecimalFormat(scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(money.amount()) + " " + money.currencyCode();
    }

    /** {@code 0.10} → {@code 10%}, {@code 0.125} → {@code 12.5%}. */
    public static String percent(BigDecimal rate) {
        BigDecimal percent = rate.movePointRight(2).stripTrailingZeros();
        return (percent.scale() < 0 ? percent.setScale(0) : percent).toPlainString() + "%";
    }
}
