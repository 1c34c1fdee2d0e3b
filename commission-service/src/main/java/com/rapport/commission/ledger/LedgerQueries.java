package com.rapport.commission.ledger;

import com.rapport.support.paging.Page;
import com.rapport.support.paging.PageRequest;
import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.forecast.ForecastQueries;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The query side of the ledger: pages of entries, a partner's entries in order, and its summary. */
@Component
public class LedgerQueries {

    /** Ledger order: when an entry was written, then its id (stable paging). */
    public static final Sort LEDGER_ORDER = Sort.by("createdAt", "_id");

    private final ReactiveMongoTemplate mongo;
    private final ForecastQueries outlooks;
    private final Clock clock;
    private final int streamBatchSize;

    LedgerQueries(ReactiveMongoTemplate mongo, Clock clock, CommissionProperties properties,
                  ForecastQueries outlooks) {
        this.outlooks = outlooks;
        this.mongo = mongo;
        this.clock = clock;
        this.streamBatchSize = properties.streamBatchSize();
    }

    /** Entries filtered by partner and/or referral (null = any). */
    public Mono<Page<LedgerEntry>> page(String partnerId, String referralId, PageRequest request) {
        Criteria criteria = new Criteria();
        if (partnerId != null) {
            criteria = criteria.and("partnerId").is(partnerId);
        }
        if (referralId != null) {
            criteria = criteria.and("referralId").is(referralId);
        }
        Query query = Query.query(criteria);
        Mono<Long> total = mongo.count(query, LedgerEntryDocument.class);
        Mono<List<LedgerEntry>> items = mongo.find(Query.query(criteria).with(LEDGER_ORDER)
                        .skip(request.offset()).limit(request.size()), LedgerEntryDocument.class)
                .map(LedgerEntryDocument::toEntry)
                .collectList();
        return Mono.zip(items, total).map(t -> request.of(t.getT1(), t.getT2()));
    }

    /** One entry, with its hold and disputes. */
    public Mono<LedgerEntry> entry(String entryId) {
        return mongo.findById(entryId, LedgerEntryDocument.class).map(LedgerEntryDocument::toEntry);
    }

    /** A partner's entries in ledger order, streamed. */
    public Flux<LedgerEntry> entriesOf(String partnerId) {
        return mongo.find(Query.query(Criteria.where("partnerId").is(partnerId)).with(LEDGER_ORDER)
                        .cursorBatchSize(streamBatchSize), LedgerEntryDocument.class)
                .map(LedgerEntryDocument::toEntry);
    }

    /**
     * The introducer's still-open contracted referrals: what they will still earn, per co-introducer share and at
     * the contract value after amendments (kept by the referral outlooks).
     */
    public Flux<OpenCommission> openCommissionsOf(String partnerId) {
        return outlooks.openCommissionsOf(partnerId);
    }

    public Mono<PartnerSummary> summaryOf(String partnerId) {
        LocalDate today = LocalDate.now(clock);
        return entriesOf(partnerId)
                .reduce(new BalanceSheet(today), BalanceSheet::add)
                .flatMap(sheet -> openCommissionsOf(partnerId)
                        .reduce(sheet, (s, open) -> s.addProjected(open.remaining())))
                .map(sheet -> new PartnerSummary(partnerId, sheet.balances()));
    }
}
