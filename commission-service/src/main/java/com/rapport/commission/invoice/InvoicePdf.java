package com.rapport.commission.invoice;

import com.rapport.commission.config.CommissionProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A self-billing invoice as a PDF (COMMISSIONS.md): the words "Self-billing invoice", number and date, the business
 * as customer, the partner as supplier, one line per ledger entry, net, VAT and total, and the VAT note
 * ("Reverse charge", ...) where no VAT is charged.
 */
@Component
public class InvoicePdf {

    private final PdfDocuments pdf;
    private final ZoneId zone;

    @Autowired
    InvoicePdf(PdfFonts fonts, CommissionProperties properties) {
        this(fonts, properties.zone());
    }

    InvoicePdf(PdfFonts fonts, ZoneId zone) {
        this.pdf = new PdfDocuments(fonts);
        this.zone = zone;
    }

    /** CPU-bound: call it off the event loop. */
    public byte[] render(Invoice invoice) {
        return pdf.write("Self-billing invoice", document -> {
            document.add(pdf.text("Invoice number: " + invoice.invoiceNumber()));
            document.add(pdf.text("Invoice date: " + invoice.invoiceDate()));
            document.add(pdf.text("Payout batch: " + invoice.batchId()));
            document.add(pdf.party("Supplier", invoice.supplier()));
            document.add(pdf.party("Customer (issuer of this invoice)", invoice.customer()));
            List<List<String>> rows = new ArrayList<>();
            for (InvoiceLine line : invoice.lines()) {
                rows.add(List.of(line.client() != null ? line.client() : "Referral " + line.referralId(),
                        line.type(), line.explanation() == null ? "" : line.explanation(),
                        PdfDocuments.money(line.amount())));
            }
            document.add(pdf.table(new float[]{3, 1.4f, 5, 2}, List.of("Client", "Type", "Explanation", "Amount"),
                    rows));
            List<String[]> totals = new ArrayList<>();
            totals.add(new String[]{"Net", PdfDocuments.money(invoice.net())});
            totals.add(new String[]{vatLabel(invoice), PdfDocuments.money(invoice.vat())});
            totals.add(new String[]{"Total", PdfDocuments.money(invoice.total())});
            document.add(pdf.totals(totals));
            if (invoice.vatTreatment().note() != null) {
                document.add(pdf.heading(invoice.vatTreatment().note()));
            }
            document.add(pdf.note("Issued by the customer on the supplier's behalf under the self-billing agreement "
                    + "the supplier accepted (self-billing). Invoice numbers run without gaps within a year."));
        });
    }

    static String vatLabel(Invoice invoice) {
        if (invoice.vatTreatment() == VatTreatment.DOMESTIC) {
            return "VAT " + invoice.vatRate().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        }
        return "VAT";
    }
}
