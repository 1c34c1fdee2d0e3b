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
                          String introducerName, BigDecimal share, Money flatFee, boolean dealTerms, Money netCash) {

        public Context(CommissionRole role, BigDecimal rate, String tierDescription, Money cap, boolean capped,
                       boolean refund, Money cash, LocalDate cashDate, Money contractValue, String introducerName) {
            this(role, rate, tierDescription, cap, capped, refund, cash, cashDate, contractValue, introducerName,
                    BigDecimal.ONE, null, false, null);
        }

        boolean shared() {
            return share != null && share.compareTo(BigDecimal.ONE) != 0;
        }
    }

    public static String explain(Context c) {
        if (c.role() == CommissionRole.INTRODUCER && c.flatFee() != null) {
            return explainFlatFee(c);
        }
        if (c.shared() || c.dealTerms()) {
            return explainSharedOrAgreed(c);
        }
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

    /**
     * Co-introducers and rates agreed for the deal: "8% agreed for this deal, of your 60% share of a 3,000.00 EUR
     * payment received 2026-11-10 (contract 10,000.00 EUR)".
     */
    private static String explainSharedOrAgreed(Context c) {
        String cash = c.refund()
                ? "a %s refund issued %s".formatted(amount(c.cash()), c.cashDate())
                : "a %s payment received %s".formatted(amount(c.cash()), c.cashDate());
        String ofShare = c.shared() ? "%s share of ".formatted(percent(c.share())) : "";
        String capNote = c.capped() ? "; capped at %s per referral".formatted(amount(c.cap())) : "";
        if (c.role() == CommissionRole.OVERRIDE) {
            String whose = c.introducerName() == null ? "a partner you introduced"
                    : "%s, a partner you introduced".formatted(c.introducerName());
            return "%s override %s the %s%s from a client of %s (contract %s)".formatted(percent(c.rate()),
                    c.refund() ? "taken back on" : "on", ofShare, cash, whose, amount(c.contractValue()));
        }
        String terms = c.dealTerms() ? "%s agreed for this deal, of".formatted(percent(c.rate()))
                : "%s of".formatted(percent(c.rate()));
        String tier = c.dealTerms() ? "" : "; " + c.tierDescription();
        return "%s %s%s%s (contract %s%s%s)".formatted(terms, c.shared() ? "your " + ofShare : "", cash,
                c.refund() ? ", taken back" : "", amount(c.contractValue()), tier, capNote);
    }

    /**
     * "finder's fee 1,000.00 EUR agreed for this deal, 3,000.00 of 9,000.00 EUR received (a 3,000.00 EUR payment
     * received 2026-11-10)".
     */
    private static String explainFlatFee(Context c) {
        String cash = c.refund()
                ? "a %s refund issued %s, taken back".formatted(amount(c.cash()), c.cashDate())
                : "a %s payment received %s".formatted(amount(c.cash()), c.cashDate());
        String whose = c.shared() ? "your %s share of the ".formatted(percent(c.share())) : "";
        String capNote = c.capped() ? "; capped at %s per referral".formatted(amount(c.cap())) : "";
        return "%sfinder's fee %s agreed for this deal, %s of %s received (%s%s)".formatted(whose,
                amount(c.flatFee()), number(c.netCash()), amount(c.contractValue()), cash, capNote);
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

    /** {@code 3,000.00}: grouped, at the currency's scale, without the currency. */
    public static String number(Money money) {
        String amount = amount(money);
        return amount.substring(0, amount.length() - money.currencyCode().length() - 1);
    }

    /** {@code 0.10} → {@code 10%}, {@code 0.125} → {@code 12.5%}. */
    public static String percent(BigDecimal rate) {
        BigDecimal percent = rate.movePointRight(2).stripTrailingZeros();
        return (percent.scale() < 0 ? percent.setScale(0) : percent).toPlainString() + "%";
    }
}
