package com.rapport.commission.invoice;

import com.rapport.events.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A self-billing invoice was issued: the {@code sequence}-th of its year, with everything printed on it.
 * {@code vatRate} is zero unless the treatment is DOMESTIC.
 */
public record InvoiceIssued(String invoiceNumber, int year, long sequence, String batchId, String partnerId,
                            String currency, LocalDate invoiceDate, Instant issuedAt, Party supplier,
                            Party customer,
                            VatTreatment vatTreatment, BigDecimal vatRate, Money net, Money vat, Money total,
                            List<InvoiceLine> lines) {
}
