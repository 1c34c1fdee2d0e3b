package com.rapport.commission.payout;

import com.rapport.support.paging.PageRequest;
import com.rapport.commission.config.BsonValues;
import com.rapport.events.money.Money;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The query side of payout batches. */
@Component
public class PayoutBatchQueries {

    private final ReactiveMongoTemplate mongo;

    PayoutBatchQueries(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<PayoutBatchView> find(String batchId) {
        return mongo.findById(batchId, Document.class, PayoutBatchProjection.BATCHES).map(PayoutBatchQueries::view);
    }

    public Flux<PayoutBatchView> all(PageRequest request) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).skip(request.offset())
                .limit(request.size()), Document.class, PayoutBatchProjection.BATCHES).map(PayoutBatchQueries::view);
    }

    public Mono<Long> count() {
        return mongo.count(new Query(), PayoutBatchProjection.BATCHES);
    }

    static PayoutBatchView view(Document d) {
        List<PayoutBatchView.Line> lines = d.getList("lines", Document.class).stream()
                .map(l -> {
                    Money amount = BsonValues.money(l.get("amount"));
                    return new PayoutBatchView.Line(l.getString("partnerId"), amount.currencyCode(), amount);
                })
                .toList();
        Map<String, Money> totals = new TreeMap<>();
        lines.forEach(line -> totals.merge(line.currency(), line.amount(), Money::plus));
        List<Document> skippedDocuments = d.getList("skipped", Document.class);
        List<PayoutBatchView.Skipped> skipped = skippedDocuments == null ? List.of() : skippedDocuments.stream()
                .map(s -> {
                    Money amount = BsonValues.money(s.get("amount"));
                    return new PayoutBatchView.Skipped(s.getString("partnerId"), amount.currencyCode(), amount,
                            s.getString("reason"));
                })
                .toList();
        return new PayoutBatchView(d.getString("_id"), BsonValues.date(d.get("asOf")),
                BatchStatus.valueOf(d.getString("status")), lines,
                totals.entrySet().stream().map(e -> new PayoutBatchView.Total(e.getKey(), e.getValue())).toList(),
                BsonValues.instant(d.get("createdAt")), BsonValues.date(d.get("paidOn")), d.getString("createdBy"),
                skipped);
    }
}
