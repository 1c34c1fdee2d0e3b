package com.rapport.commission.taxstatement;

import com.rapport.commission.invoice.Invoice;
import com.rapport.events.money.Money;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A partner's year-end tax statement: per currency, what its self-billing invoices of the year add up to.
 * {@code paid} is the invoices' totals (net + VAT), {@code invoices} how many there are; {@code net}, {@code vat}
 * and {@code invoiceNumbers} say what makes them up.
 */
public record TaxStatement(String partnerId, int year, List<CurrencyTotal> currencies) {

    public record CurrencyTotal(String currency, Money paid, int invoices, Money net, Money vat,
                                List<String> invoiceNumbers) {
    }

    /** From the partner's invoices of the year, in number order; currencies in the order first invoiced. */
    public static TaxStatement of(String partnerId, int year, List<Invoice> invoices) {
        Map<String, List<Invoice>> byCurrency = new LinkedHashMap<>();
        for (Invoice invoice : invoices) {
            byCurrency.computeIfAbsent(invoice.currency(), c -> new ArrayList<>()).add(invoice);
        }
        List<CurrencyTotal> totals = byCurrency.entrySet().stream().map(e -> {
            Money zero = Money.zero(Money.currencyOf(e.getKey()));
            Money net = zero;
            Money vat = zero;
            Money paid = zero;
            for (Invoice invoice : e.getValue()) {
                net = net.plus(invoice.net());
                vat = vat.plus(invoice.vat());
                paid = paid.plus(invoice.total());
            }
            return new CurrencyTotal(e.getKey(), paid, e.getValue().size(), net, vat,
                    e.getValue().stream().map(Invoice::invoiceNumber).toList());
        }).toList();
        return new TaxStatement(partnerId, year, totals);
    }
}
