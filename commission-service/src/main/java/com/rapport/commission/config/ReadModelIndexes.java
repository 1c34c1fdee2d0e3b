package com.rapport.commission.config;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The secondary indexes the read models are queried by, on a real MongoDB. (mongo-java-server, used locally and
 * in tests, ignores non-unique indexes and scans instead: the queries are the same, only slower on large data.)
 */
@Component
class ReadModelIndexes {

    private final ReactiveMongoTemplate mongo;
    private final CommissionProperties properties;

    ReadModelIndexes(ReactiveMongoTemplate mongo, CommissionProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        Flux.concat(
                        index("ledger_entries", new Index().on("partnerId", Sort.Direction.ASC)
                                .on("createdAt", Sort.Direction.ASC)),
                        index("ledger_entries", new Index().on("referralId", Sort.Direction.ASC)),
                        index("ledger_entries", new Index().on("payableAt", Sort.Direction.ASC)),
                        index("ledger_entries", new Index().on("occurredOn", Sort.Direction.ASC)
                                .on("createdAt", Sort.Direction.ASC).on("_id", Sort.Direction.ASC)),
                        index("ledger_entries", new Index().on("createdAt", Sort.Direction.ASC)
                                .on("_id", Sort.Direction.ASC)),
                        index("referral_commissions", new Index().on("partnerId", Sort.Direction.ASC)),
                        index("commission_plan_versions", new Index().on("planId", Sort.Direction.ASC)),
                        index("payout_batches", new Index().on("createdAt", Sort.Direction.DESC)),
                        index("open_items", new Index().on("payableAt", Sort.Direction.ASC)))
                .then()
                .block(properties.storeTimeout());
    }

    private Flux<String> index(String collection, Index index) {
        return mongo.indexOps(collection).ensureIndex(index).flux();
    }
}
