package com.rapport.commission.invoice;

import com.rapport.events.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An issued self-billing invoice, everything printed on it. {@code invoiceDate} is the day the batch was paid (the
 * business calendar), {@code issuedAt} the moment the invoice was issued.
 */
public record Invoice(String invoiceNumber, int year, String batchId, String partnerId, String currency,
                      LocalDate invoiceDate, Instant issuedAt, Party supplier, Party customer,
                      VatTreatment vatTreatment, BigDecimal vatRate, Money net, Money vat, Money total, List<InvoiceLine> lines) {

    static Invoice of(InvoiceIssued e) {
        return new Invoice(e.invoiceNumber(), e.year(), e.batchId(), e.partnerId(), e.currency(), e.invoiceDate(),
                e.issuedAt(),
                e.supplier(), e.customer(), e.vatTreatment(), e.vatRate(), e.net(), e.vat(), e.total(), e.lines());
    }

    /** API.md's list item, and the date printed on the invoice. */
    public record Summary(String invoiceNumber, String partnerId, String batchId, String currency, Money net,
                          Money vat, Money total, Instant issuedAt, LocalDate invoiceDate) {
    }

    public Summary summary() {
        return new Summary(invoiceNumber, partnerId, batchId, currency, net, vat, total, issuedAt, invoiceDate);
    }
}
