package com.rapport.commission.invoice;

import com.mongodb.reactivestreams.client.MongoClient;
import com.rapport.commission.payout.MappedTemplates;
import com.rapport.events.money.Money;
import com.rapport.support.mongo.MoneyDocuments;
import com.rapport.testsupport.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An invoice stored by the hand-built code of before reads through the mapped record; one written now is the same. */
class StoredInvoiceDocumentsTest {

    private static final Instant ISSUED = Instant.parse("2026-12-01T08:00:00Z");
    private static final MongoClient client = TestInfrastructure.shared().mongo().reactiveClient();
    private final ReactiveMongoTemplate mongo = MappedTemplates.of(client, "stored-invoices-" + UUID.randomUUID());

    private final Party supplier = new Party("Example GmbH", "Hauptstr. 1", null, "Berlin", "10115", "DE",
            "DE123456789");
    private final Party customer = new Party("Rapport AG", "Bahnhofstr. 2", "Floor 3", "Munich", "80335", "DE",
            "DE987654321");
    private final Invoice invoice = new Invoice("2026-000007", 2026, "batch-1", "p-1", "EUR",
            LocalDate.parse("2026-12-01"), ISSUED, supplier, customer, VatTreatment.DOMESTIC, new BigDecimal("0.19"),
            Money.of("100.00", "EUR"), Money.of("19.00", "EUR"), Money.of("119.00", "EUR"),
            List.of(new InvoiceLine("e-1", "r-1", "Client Co", "ACCRUAL", Money.of("100.00", "EUR"),
                    "10% of a payment")));


    /** Exactly what InvoiceDocuments.toDocument wrote. */
    private Document handBuilt() {
        return new Document("_id", "2026-000007").append("year", 2026).append("batchId", "batch-1")
                .append("partnerId", "p-1").append("currency", "EUR").append("invoiceDate", "2026-12-01")
                .append("issuedAt", Date.from(ISSUED))
                .append("supplier", party(supplier)).append("customer", party(customer))
                .append("vatTreatment", "DOMESTIC").append("vatRate", "0.19")
                .append("net", money("100.00")).append("vat", money("19.00")).append("total", money("119.00"))
                .append("lines", List.of(new Document("entryId", "e-1").append("referralId", "r-1")
                        .append("client", "Client Co").append("type", "ACCRUAL").append("amount", money("100.00"))
                        .append("explanation", "10% of a payment")));
    }

    private static Document party(Party p) {
        return new Document("name", p.name()).append("line1", p.line1()).append("line2", p.line2())
                .append("city", p.city()).append("postalCode", p.postalCode()).append("country", p.country())
                .append("vatId", p.vatId());
    }

    private static Document money(String amount) {
        return MoneyDocuments.toDocument(Money.of(amount, "EUR"));
    }

    @Test
    void anInvoiceStoredByHandReadsAsTheSameInvoice() {
        mongo.insert(handBuilt(), InvoiceDocument.COLLECTION).block();

        Invoices invoices = new Invoices(mongo);

        assertThat(invoices.find("2026-000007").block()).isEqualTo(invoice);
        assertThat(invoices.ofPartner("p-1", 2026).collectList().block()).containsExactly(invoice);
    }

    @Test
    void anInvoiceWrittenNowHasTheFieldsOfBefore() {
        mongo.save(InvoiceDocument.of(invoice)).block();

        Document stored = mongo.findById("2026-000007", Document.class, InvoiceDocument.COLLECTION).block();
        stored.remove("_class");
        // the mapping leaves out what is null (supplier.line2); reading it back is the same
        Document expected = handBuilt();
        expected.get("supplier", Document.class).remove("line2");
        assertThat(stored).isEqualTo(expected);
    }
}
