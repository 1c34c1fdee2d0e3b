package com.rapport.commission.invoice;

import com.rapport.support.id.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Issue the invoice for one line of a paid batch (partner, currency), unless it was issued already. The
 * invoice is dated {@code invoiceDate} (the day the batch was paid), whose year must be the register's.
 * {@code supplierVatCountry} is null when the partner is not VAT registered.
 */
public record IssueInvoice(@TargetAggregateIdentifier String registerId, int year, String batchId,
                           PartnerId partnerId, String currency, LocalDate invoiceDate, Instant issuedAt,
                           Party supplier,
                           boolean supplierVatRegistered, String supplierVatCountry, Party customer,
                           BigDecimal domesticVatRate, List<InvoiceLine> lines) {

    public IssueInvoice {
        lines = List.copyOf(lines);
    }

    public String key() {
        return InvoiceRegister.keyOf(batchId, partnerId.value(), currency);
    }
}
