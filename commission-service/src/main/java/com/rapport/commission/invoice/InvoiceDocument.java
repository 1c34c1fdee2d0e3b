package com.rapport.commission.invoice;

import com.rapport.events.money.Money;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice as {@code invoices} keeps it: {@code _id} = its number, so writing one twice is harmless.
 * {@code invoiceDate} is an ISO date string, {@code vatRate} a decimal string.
 */
@Document(InvoiceDocument.COLLECTION)
record InvoiceDocument(@Id String invoiceNumber, int year, String batchId, String partnerId, String currency,
                       String invoiceDate, Instant issuedAt, Party supplier, Party customer,
                       VatTreatment vatTreatment, String vatRate, Money net, Money vat, Money total,
                       List<InvoiceLine> lines) {

    static final String COLLECTION = "invoices";

    static InvoiceDocument of(Invoice invoice) {
        return new InvoiceDocument(invoice.invoiceNumber(), invoice.year(), invoice.batchId(), invoice.partnerId(),
                invoice.currency(), invoice.invoiceDate().toString(), invoice.issuedAt(), invoice.supplier(),
                invoice.customer(), invoice.vatTreatment(),
                invoice.vatRate() == null ? null : invoice.vatRate().toPlainString(), invoice.net(), invoice.vat(),
                invoice.total(), invoice.lines());
    }

    Invoice invoice() {
        return new Invoice(invoiceNumber, year, batchId, partnerId, currency,
                invoiceDate == null ? null : LocalDate.parse(invoiceDate), issuedAt, supplier, customer,
                vatTreatment, vatRate == null ? null : new BigDecimal(vatRate), net, vat, total,
                lines == null ? List.of() : lines);
    }
}
