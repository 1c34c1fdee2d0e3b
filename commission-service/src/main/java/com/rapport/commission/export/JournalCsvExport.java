package com.rapport.commission.export;

import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.ledger.LedgerEntryDocument;
import org.bson.Document;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.time.LocalDate;
import java.util.List;

/**
 * The double-entry journal of every ledger entry in a date range (by {@code occurredOn}), streamed like the ledger
 * export: two lines per entry ({@link Journal}), dated the day the entry books.
 */
@Component
class JournalCsvExport {

    static final String[] HEADER = {"date", "entryId", "account", "debit", "credit", "currency", "partnerId",
            "referralId", "text"};

    private final ReactiveMongoTemplate mongo;
    private final JournalAccounts accounts;
    private final int batchSize;

    JournalCsvExport(ReactiveMongoTemplate mongo, JournalAccounts accounts, CommissionProperties properties) {
        this.mongo = mongo;
        this.accounts = accounts;
        this.batchSize = properties.streamBatchSize();
    }

    Flux<DataBuffer> export(LocalDate from, LocalDate to, DataBufferFactory buffers) {
        Query query = LedgerCsvExport.inRange(from, to).cursorBatchSize(batchSize);
        // read as stored and mapped off the driver's thread, with the formatting (CsvLines.streamed)
        Flux<Document> stored = mongo.find(query, Document.class, mongo.getCollectionName(LedgerEntryDocument.class));
        MongoConverter converter = mongo.getConverter();
        return CsvLines.streamed(HEADER, stored, document -> rows(converter.read(LedgerEntryDocument.class, document)),
                batchSize, buffers);
    }

    private List<Object[]> rows(LedgerEntryDocument e) {
        return Journal.linesOf(e.toEntry().occurredOn(), e.entryId(), e.type(), e.amount(), e.partnerId(),
                        e.referralId(), e.explanation(), accounts).stream()
                .map(line -> new Object[]{line.date(), line.entryId(), line.account(), line.debit(), line.credit(),
                        line.currency(), line.partnerId(), line.referralId(), line.text()})
                .toList();
    }
}
