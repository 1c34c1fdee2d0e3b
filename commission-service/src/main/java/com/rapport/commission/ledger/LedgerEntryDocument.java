package com.rapport.commission.ledger;

import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A ledger entry as {@code ledger_entries} keeps it ({@code _id} = entryId, so writing one twice is harmless).
 * Calendar dates stay ISO strings and the rate a decimal string, as the range queries and exports compare them;
 * money is the shared {@code {amount: Decimal128, currency}}; {@code currency} repeats the amount's currency at the
 * top level. {@code hold} is written by the hold projection, {@code disputes} by the dispute projection,
 * {@code paidInBatch} when a batch that paid the entry is confirmed.
 */
@Document(LedgerDocuments.LEDGER)
public record LedgerEntryDocument(@Id String entryId, String partnerId, String referralId, CommissionRole role,
                                  EntryType type, Money amount, String currency, String rate, Money basis,
                                  String payableAt, String occurredOn, Instant createdAt, String sourceEventId,
                                  String explanation, String batchId, LedgerEntry.Hold hold,
                                  List<LedgerEntry.DisputeRef> disputes, String paidInBatch) {

    public static LedgerEntryDocument of(LedgerEntry entry) {
        return new LedgerEntryDocument(entry.entryId(), entry.partnerId(), entry.referralId(), entry.role(),
                entry.type(), entry.amount(), entry.amount().currencyCode(), text(entry.rate()), entry.basis(),
                text(entry.payableAt()), text(entry.occurredOn()), entry.createdAt(), entry.sourceEventId(),
                entry.explanation(), entry.batchId(), entry.hold(), entry.disputes().isEmpty() ? null : entry.disputes(),
                entry.paidInBatch());
    }

    public LedgerEntry toEntry() {
        return new LedgerEntry(entryId, partnerId, referralId, role, type, amount,
                rate == null ? null : new BigDecimal(rate), basis, date(payableAt), createdAt, sourceEventId,
                explanation, date(occurredOn), batchId, hold, disputes, paidInBatch);
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }
}
