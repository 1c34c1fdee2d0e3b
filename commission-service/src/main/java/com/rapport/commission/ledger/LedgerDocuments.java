package com.rapport.commission.ledger;

import com.rapport.commission.config.BsonValues;
import com.rapport.events.commission.CommissionRole;
import org.bson.Document;

import java.util.List;

/**
 * The ledger collection and the names of the fields other projections update in place. Entries are read and written
 * through the mapped {@link LedgerEntryDocument}; {@link #toDocument} / {@link #fromDocument} are the hand-built
 * mapping of before, still used by invoicing's ledger read (another package's) and kept until it reads the record.
 */
public final class LedgerDocuments {

    public static final String LEDGER = "ledger_entries";
    /** {@code {reason, since}} while the entry is held (written by the hold projection), absent when free. */
    public static final String HOLD = "hold";
    /** {@code [{disputeId, status, outcome, openedAt, resolvedAt}]}, written by the dispute projection. */
    public static final String DISPUTES = "disputes";
    /** The batch that paid an ACCRUAL, REVERSAL or ADJUSTMENT out, set when the batch is confirmed. */
    public static final String PAID_IN_BATCH = "paidInBatch";

    private LedgerDocuments() {
    }

    public static Document toDocument(LedgerEntry entry) {
        return new Document("_id", entry.entryId())
                .append("partnerId", entry.partnerId())
                .append("referralId", entry.referralId())
                .append("role", entry.role() == null ? null : entry.role().name())
                .append("type", entry.type().name())
                .append("amount", BsonValues.money(entry.amount()))
                .append("currency", entry.amount().currencyCode())
                .append("rate", BsonValues.rate(entry.rate()))
                .append("basis", BsonValues.money(entry.basis()))
                .append("payableAt", BsonValues.date(entry.payableAt()))
                .append("occurredOn", BsonValues.date(entry.occurredOn()))
                .append("createdAt", BsonValues.instant(entry.createdAt()))
                .append("sourceEventId", entry.sourceEventId())
                .append("explanation", entry.explanation())
                .append("batchId", entry.batchId());
    }

    public static LedgerEntry fromDocument(Document d) {
        String role = d.getString("role");
        return new LedgerEntry(d.getString("_id"), d.getString("partnerId"), d.getString("referralId"),
                role == null ? null : CommissionRole.valueOf(role), EntryType.valueOf(d.getString("type")),
                BsonValues.money(d.get("amount")), BsonValues.rate(d.get("rate")), BsonValues.money(d.get("basis")),
                BsonValues.date(d.get("payableAt")), BsonValues.instant(d.get("createdAt")),
                d.getString("sourceEventId"), d.getString("explanation"), BsonValues.date(d.get("occurredOn")),
                d.getString("batchId"), hold(d.get(HOLD, Document.class)), disputes(d.getList(DISPUTES, Document.class)),
                d.getString(PAID_IN_BATCH));
    }

    private static LedgerEntry.Hold hold(Document hold) {
        return hold == null ? null : new LedgerEntry.Hold(hold.getString("reason"), BsonValues.instant(hold.get("since")));
    }

    private static List<LedgerEntry.DisputeRef> disputes(List<Document> disputes) {
        return disputes == null ? List.of() : disputes.stream()
                .map(d -> new LedgerEntry.DisputeRef(d.getString("disputeId"), d.getString("status"),
                        d.getString("outcome"), BsonValues.instant(d.get("openedAt")),
                        BsonValues.instant(d.get("resolvedAt"))))
                .toList();
    }
}
