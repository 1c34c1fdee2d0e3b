package com.rapport.commission.export;

import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.ledger.LedgerEntryDocument;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

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
        Flux<String> rows = mongo.find(query, LedgerEntryDocument.class).map(this::rows);
        return Flux.concat(Flux.just(CsvLines.line((Object[]) HEADER)), rows)
                .buffer(batchSize)
                .map(lines -> buffers.wrap(String.join("", lines).getBytes(StandardCharsets.UTF_8)));
    }

    private String rows(LedgerEntryDocument e) {
        StringBuilder rows = new StringBuilder();
        for (Journal.Line line : Journal.linesOf(e.toEntry().occurredOn(), e.entryId(), e.type(), e.amount(),
                e.partnerId(), e.referralId(), e.explanation(), accounts)) {
            rows.append(CsvLines.line(line.date(), line.entryId(), line.account(), line.debit(), line.credit(),
                    line.currency(), line.partnerId(), line.referralId(), line.text()));
        }
        return rows.toString();
    }
}
