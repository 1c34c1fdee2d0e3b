package com.rapport.commission.export;

import com.rapport.commission.config.BsonValues;
import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.ledger.LedgerDocuments;
import com.rapport.events.money.Money;
import org.bson.Document;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Every ledger entry in a date range (by {@code occurredOn}) as RFC 4180 CSV, streamed: the cursor is read in
 * batches as the client takes the bytes (backpressure), and at most one batch of lines is in memory at a time,
 * however many entries there are. Amounts are plain decimals with a separate currency column.
 */
@Component
class LedgerCsvExport {

    static final String[] HEADER = {"entryId", "createdAt", "occurredOn", "partnerId", "referralId", "role", "type",
            "amount", "currency", "rate", "basis", "payableAt", "sourceEventId", "batchId", "explanation"};

    private final ReactiveMongoTemplate mongo;
    private final int batchSize;

    LedgerCsvExport(ReactiveMongoTemplate mongo, CommissionProperties properties) {
        this.mongo = mongo;
        this.batchSize = properties.streamBatchSize();
    }

    Flux<DataBuffer> export(LocalDate from, LocalDate to, DataBufferFactory buffers) {
        Query query = inRange(from, to).cursorBatchSize(batchSize);
        Flux<String> rows = mongo.find(query, Document.class, LedgerDocuments.LEDGER).map(LedgerCsvExport::row);
        return Flux.concat(Flux.just(CsvLines.line((Object[]) HEADER)), rows)
                .buffer(batchSize)
                .map(lines -> buffers.wrap(String.join("", lines).getBytes(StandardCharsets.UTF_8)));
    }

    /** The entries booked in {@code [from, to]} (either may be null: open), in booking order. */
    static Query inRange(LocalDate from, LocalDate to) {
        Criteria range = Criteria.where("occurredOn");
        if (from != null) {
            range = range.gte(BsonValues.date(from));
        }
        if (to != null) {
            range = range.lte(BsonValues.date(to));
        }
        return (from == null && to == null ? new Query() : Query.query(range))
                .with(Sort.by("occurredOn", "createdAt", "_id"));
    }

    private static String row(Document d) {
        Money amount = BsonValues.money(d.get("amount"));
        Money basis = BsonValues.money(d.get("basis"));
        Instant createdAt = BsonValues.instant(d.get("createdAt"));
        return CsvLines.line(d.getString("_id"), createdAt, d.getString("occurredOn"), d.getString("partnerId"),
                d.getString("referralId"), d.getString("role"), d.getString("type"), amount.amount(),
                amount.currencyCode(), d.getString("rate"), basis == null ? null : basis.amount(),
                d.getString("payableAt"), d.getString("sourceEventId"), d.getString("batchId"),
                d.getString("explanation"));
    }
}
