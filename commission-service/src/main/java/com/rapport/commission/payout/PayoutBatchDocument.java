package com.rapport.commission.payout;

import com.rapport.events.money.Money;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A payout batch as {@code payout_batches} keeps it. {@code asOf} and {@code paidOn} are ISO date strings (they
 * compare as dates do); totals are not stored, they follow from the lines.
 */
@Document(PayoutBatchDocument.COLLECTION)
record PayoutBatchDocument(@Id String batchId, String asOf, BatchStatus status, List<Line> lines,
                           List<Skipped> skipped, String createdBy, Instant createdAt, String paidOn) {

    static final String COLLECTION = "payout_batches";

    record Line(String partnerId, Money amount, List<String> entryIds) {
    }

    record Skipped(String partnerId, Money amount, String reason) {
    }

    static PayoutBatchDocument opened(String batchId, LocalDate asOf, List<BatchLine> lines,
                                      List<SkippedLine> skipped, String createdBy, Instant createdAt) {
        return new PayoutBatchDocument(batchId, asOf.toString(), BatchStatus.OPEN,
                lines.stream().map(l -> new Line(l.partnerId(), l.amount(), l.entryIds())).toList(),
                skipped.stream().map(s -> new Skipped(s.partnerId(), s.amount(), s.reason())).toList(),
                createdBy, createdAt, null);
    }

    PayoutBatchView view() {
        List<PayoutBatchView.Line> viewLines = lines == null ? List.of() : lines.stream()
                .map(l -> new PayoutBatchView.Line(l.partnerId(), l.amount().currencyCode(), l.amount()))
                .toList();
        Map<String, Money> totals = new TreeMap<>();
        viewLines.forEach(line -> totals.merge(line.currency(), line.amount(), Money::plus));
        List<PayoutBatchView.Skipped> viewSkipped = skipped == null ? List.of() : skipped.stream()
                .map(s -> new PayoutBatchView.Skipped(s.partnerId(), s.amount().currencyCode(), s.amount(),
                        s.reason()))
                .toList();
        return new PayoutBatchView(batchId, date(asOf), status, viewLines,
                totals.entrySet().stream().map(e -> new PayoutBatchView.Total(e.getKey(), e.getValue())).toList(),
                createdAt, date(paidOn), createdBy, viewSkipped);
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }
}
