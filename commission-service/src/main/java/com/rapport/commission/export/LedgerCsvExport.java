package com.rapport.commission.export;

import com.rapport.commission.config.BsonValues;
import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.ledger.LedgerEntryDocument;
import org.bson.Document;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.time.LocalDate;
import java.util.List;

/**
 * Every ledger entry in a date range (by {@code occurredOn}) as RFC 4180 CSV, streamed: the cursor is read in
 * batches as the client takes the bytes (backpressure), and at most a few batches of lines are in memory at a
 * time, however many entries there are. Amounts are plain decimals with a separate currency column.
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
        // read as stored and mapped off the driver's thread, with the formatting (CsvLines.streamed)
        Flux<Document> stored = mongo.find(query, Document.class, mongo.getCollectionName(LedgerEntryDocument.class));
        MongoConverter converter = mongo.getConverter();
        return CsvLines.streamed(HEADER, stored,
                document -> List.<Object[]>of(row(converter.read(LedgerEntryDocument.class, document))), batchSize,
                buffers);
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

    /** The stored strings (dates, rate) go out as stored. */
    private static Object[] row(LedgerEntryDocument e) {
        return new Object[]{e.entryId(), e.createdAt(), e.occurredOn(), e.partnerId(), e.referralId(),
                e.role() == null ? null : e.role().name(), e.type().name(), e.amount().amount(),
                e.amount().currencyCode(), e.rate(), e.basis() == null ? null : e.basis().amount(), e.payableAt(),
                e.sourceEventId(), e.batchId(), e.explanation()};
    }
}
