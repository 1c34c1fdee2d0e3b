package com.rapport.commission.taxstatement;

import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.invoice.Invoice;
import com.rapport.commission.invoice.Party;
import com.rapport.commission.invoice.PdfDocuments;
import com.rapport.commission.invoice.PdfFonts;
import com.rapport.commission.taxstatement.TaxStatement.CurrencyTotal;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.List;

/** A year-end tax statement as a PDF: the partner, its totals per currency, and the invoices they add up. */
@Component
class TaxStatementPdf {

    private final PdfDocuments pdf;
    private final ZoneId zone;

    TaxStatementPdf(PdfFonts fonts, CommissionProperties properties) {
        this.pdf = new PdfDocuments(fonts);
        this.zone = properties.zone();
    }

    /** {@code partner} is null when the partner has neither a tax profile nor an invoice. CPU-bound. */
    byte[] render(TaxStatement statement, Party partner, Party business, List<Invoice> invoices) {
        return pdf.write("Tax statement " + statement.year(), document -> {
            document.add(pdf.text("Commission paid under self-billing invoices, 1 January to 31 December "
                    + statement.year()));
            document.add(pdf.text("Partner: " + statement.partnerId()));
            if (partner != null) {
                document.add(pdf.party("Supplier", partner));
            }
            document.add(pdf.party("Customer", business));
            if (statement.currencies().isEmpty()) {
                document.add(pdf.heading("No self-billing invoices in " + statement.year()));
                return;
            }
            document.add(pdf.table(new float[]{1.2f, 1, 2, 2, 2}, List.of("Currency", "Invoices", "Net", "VAT", "Paid"),
                    statement.currencies().stream().map(TaxStatementPdf::row).toList()));
            document.add(pdf.heading("Invoices"));
            document.add(pdf.table(new float[]{2.2f, 1.6f, 2, 2, 2}, List.of("Invoice", "Date", "Net", "VAT", "Total"),
                    invoices.stream().map(i -> List.of(i.invoiceNumber(),
                            i.invoiceDate().toString(), PdfDocuments.money(i.net()),
                            PdfDocuments.money(i.vat()), PdfDocuments.money(i.total()))).toList()));
        });
    }

    private static List<String> row(CurrencyTotal total) {
        return List.of(total.currency(), String.valueOf(total.invoices()), PdfDocuments.money(total.net()),
                PdfDocuments.money(total.vat()), PdfDocuments.money(total.paid()));
    }
}
