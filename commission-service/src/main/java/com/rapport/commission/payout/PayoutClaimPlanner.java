package com.rapport.commission.payout;

import com.rapport.commission.config.BsonValues;
import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.payout.PayoutPlanner.PayableEntry;
import com.rapport.commission.plan.MinimumPayouts;
import com.rapport.events.money.Money;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The first half of creating a batch: finds the open items payable by {@code asOf} that no live batch holds, plans
 * the lines, and claims each line's entries for the batch. A line another batch claimed first (even partly) is
 * dropped whole, so no entry is ever in two live batches. Blocking: bounded-elastic threads only.
 */
@Component
public class PayoutClaimPlanner {

    private final ReactiveMongoTemplate mongo;
    private final PayoutClaims claims;
    private final MinimumPayouts minimums;
    private final Duration timeout;
    private final int batchSize;

    public PayoutClaimPlanner(ReactiveMongoTemplate mongo, PayoutClaims claims, MinimumPayouts minimums,
                              CommissionProperties properties) {
        this.mongo = mongo;
        this.claims = claims;
        this.minimums = minimums;
        this.timeout = properties.storeTimeout();
        this.batchSize = properties.streamBatchSize();
    }

    public List<BatchLine> claimLines(String batchId, LocalDate asOf) {
        List<PayableEntry> payable = payableEntries(asOf);
        Set<String> held = claims.claimedAmong(payable.stream().map(PayableEntry::entryId).toList());
        List<PayableEntry> free = payable.stream().filter(e -> !held.contains(e.entryId())).toList();
        Map<String, Optional<Money>> minimumOf = new HashMap<>();
        List<BatchLine> planned = PayoutPlanner.plan(free, (partnerId, currency) -> minimumOf.computeIfAbsent(
                partnerId + "/" + currency.getCurrencyCode(), key -> minimums.minimumPayout(partnerId, currency)));
        List<BatchLine> claimed = new ArrayList<>();
        for (BatchLine line : planned) {
            if (claims.claim(batchId, line)) {
                claimed.add(line);
            }
        }
        return claimed;
    }

    /** Gives back the claims of lines whose batch could not be opened. */
    public void giveBack(String batchId, List<BatchLine> lines) {
        lines.forEach(line -> claims.release(batchId, line.entryIds()));
    }

    private List<PayableEntry> payableEntries(LocalDate asOf) {
        Query query = Query.query(Criteria.where("payableAt").lte(BsonValues.date(asOf)));
        List<Document> documents = mongo.find(query.cursorBatchSize(batchSize), Document.class,
                OpenItems.OPEN_ITEMS).collectList().block(timeout);
        return documents == null ? List.of() : documents.stream()
                .map(d -> new PayableEntry(d.getString("_id"), d.getString("partnerId"),
                        BsonValues.money(d.get("amount"))))
                .toList();
    }
}
