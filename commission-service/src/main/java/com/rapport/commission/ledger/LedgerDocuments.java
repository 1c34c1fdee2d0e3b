package com.rapport.commission.ledger;

import com.rapport.commission.config.BsonValues;
import org.bson.Document;

/**
 * The ledger collection and the names of the fields other projections update in place. Entries are read and written
 * through the mapped {@link LedgerEntryDocument}.
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

    /**
     * An entry in the shape the hand-built mapping wrote before {@link LedgerEntryDocument} (explicit nulls, no
     * {@code _class}). Not used to store anything: tests seed the ledger with it through the driver (the export
     * benchmark, in bulk), which also shows such documents still read.
     */
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
}
