package com.rapport.commission.invoice;

import com.rapport.commission.config.BsonValues;
import org.bson.Document;

import java.util.List;

/** Invoices in MongoDB: one document per invoice, {@code _id} = its number, so writing one twice is harmless. */
final class InvoiceDocuments {

    static final String INVOICES = "invoices";

    private InvoiceDocuments() {
    }

    static Document toDocument(Invoice invoice) {
        return new Document("_id", invoice.invoiceNumber())
                .append("year", invoice.year())
                .append("batchId", invoice.batchId())
                .append("partnerId", invoice.partnerId())
                .append("currency", invoice.currency())
                .append("invoiceDate", BsonValues.date(invoice.invoiceDate()))
                .append("issuedAt", BsonValues.instant(invoice.issuedAt()))
                .append("supplier", party(invoice.supplier()))
                .append("customer", party(invoice.customer()))
                .append("vatTreatment", invoice.vatTreatment().name())
                .append("vatRate", BsonValues.rate(invoice.vatRate()))
                .append("net", BsonValues.money(invoice.net()))
                .append("vat", BsonValues.money(invoice.vat()))
                .append("total", BsonValues.money(invoice.total()))
                .append("lines", invoice.lines().stream().map(line -> new Document("entryId", line.entryId())
                        .append("referralId", line.referralId())
                        .append("client", line.client())
                        .append("type", line.type())
                        .append("amount", BsonValues.money(line.amount()))
                        .append("explanation", line.explanation())).toList());
    }

    static Invoice fromDocument(Document d) {
        List<InvoiceLine> lines = d.getList("lines", Document.class).stream()
                .map(l -> new InvoiceLine(l.getString("entryId"), l.getString("referralId"), l.getString("client"),
                        l.getString("type"), BsonValues.money(l.get("amount")), l.getString("explanation")))
                .toList();
        return new Invoice(d.getString("_id"), d.getInteger("year"), d.getString("batchId"),
                d.getString("partnerId"), d.getString("currency"), BsonValues.date(d.get("invoiceDate")),
                BsonValues.instant(d.get("issuedAt")),
                party(d.get("supplier", Document.class)), party(d.get("customer", Document.class)),
                VatTreatment.valueOf(d.getString("vatTreatment")), BsonValues.rate(d.get("vatRate")),
                BsonValues.money(d.get("net")), BsonValues.money(d.get("vat")), BsonValues.money(d.get("total")),
                lines);
    }

    private static Document party(Party p) {
        return new Document("name", p.name()).append("line1", p.line1()).append("line2", p.line2())
                .append("city", p.city()).append("postalCode", p.postalCode()).append("country", p.country())
                .append("vatId", p.vatId());
    }

    private static Party party(Document d) {
        return new Party(d.getString("name"), d.getString("line1"), d.getString("line2"), d.getString("city"),
                d.getString("postalCode"), d.getString("country"), d.getString("vatId"));
    }
}
