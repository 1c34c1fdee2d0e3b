package com.rapport.commission.payout;

import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.payout.PayoutPlanner.PayableEntry;
import com.rapport.commission.plan.MinimumPayouts;
import com.rapport.events.money.Money;
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
 * dropped whole, so no entry is ever in two live batches. Held entries are not looked at; a partner who cannot be
 * paid yet (no tax profile, no self-billing, no payout details) is skipped and its entries stay free. Blocking:
 * bounded-elastic threads only.
 */
@Component
public class PayoutClaimPlanner {

    /** Set on an open item while the entry is held (a finance hold or an open dispute). */
    public static final String HELD = "held";

    private final ReactiveMongoTemplate mongo;
    private final PayoutClaims claims;
    private final MinimumPayouts minimums;
    private final PayeeCheck payees;
    private final Duration timeout;
    private final int batchSize;

    public PayoutClaimPlanner(ReactiveMongoTemplate mongo, PayoutClaims claims, MinimumPayouts minimums,
                              PayeeCheck payees, CommissionProperties properties) {
        this.mongo = mongo;
        this.claims = claims;
        this.minimums = minimums;
        this.payees = payees;
        this.timeout = properties.storeTimeout();
        this.batchSize = properties.streamBatchSize();
    }

    /** The lines a batch claimed, and those it left out because the partner cannot be paid yet. */
    public record ClaimedLines(List<BatchLine> lines, List<SkippedLine> skipped) {
    }

    public List<BatchLine> claimLines(String batchId, LocalDate asOf) {
        return claim(batchId, asOf).lines();
    }

    public ClaimedLines claim(String batchId, LocalDate asOf) {
        List<PayableEntry> payable = payableEntries(asOf);
        Set<String> held = claims.claimedAmong(payable.stream().map(PayableEntry::entryId).toList());
        List<PayableEntry> free = payable.stream().filter(e -> !held.contains(e.entryId())).toList();
        Map<String, Optional<Money>> minimumOf = new HashMap<>();
        List<BatchLine> planned = PayoutPlanner.plan(free, (partnerId, currency) -> minimumOf.computeIfAbsent(
                partnerId + "/" + currency.getCurrencyCode(), key -> minimums.minimumPayout(partnerId, currency)));
        List<BatchLine> claimed = new ArrayList<>();
        List<SkippedLine> skipped = new ArrayList<>();
        Map<String, Optional<String>> whyNot = new HashMap<>();
        for (BatchLine line : planned) {
            Optional<String> reason = whyNot.computeIfAbsent(line.partnerId(), payees::whyNotPayable);
            if (reason.isPresent()) {
                skipped.add(new SkippedLine(line.partnerId(), line.amount().currencyCode(), line.amount(),
                        reason.get()));
            } else if (claims.claim(batchId, line)) {
                claimed.add(line);
            }
        }
        return new ClaimedLines(claimed, skipped);
    }

    private List<PayableEntry> payableEntries(LocalDate asOf) {
        // a held entry stays out of every new batch until it is released
        Query query = Query.query(Criteria.where("payableAt").lte(asOf.toString()).and(HELD).ne(true));
        List<OpenItem> items = mongo.find(query.cursorBatchSize(batchSize), OpenItem.class).collectList()
                .block(timeout);
        return items == null ? List.of() : items.stream()
                .map(item -> new PayableEntry(item.entryId(), item.partnerId(), item.amount()))
                .toList();
    }
}
