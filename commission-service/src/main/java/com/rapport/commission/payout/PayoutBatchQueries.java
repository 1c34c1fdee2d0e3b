package com.rapport.commission.payout;

import com.rapport.support.paging.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The query side of payout batches. */
@Component
public class PayoutBatchQueries {

    private final ReactiveMongoTemplate mongo;

    PayoutBatchQueries(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<PayoutBatchView> find(String batchId) {
        return mongo.findById(batchId, PayoutBatchDocument.class).map(PayoutBatchDocument::view);
    }

    public Flux<PayoutBatchView> all(PageRequest request) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).skip(request.offset())
                .limit(request.size()), PayoutBatchDocument.class).map(PayoutBatchDocument::view);
    }

    public Mono<Long> count() {
        return mongo.count(new Query(), PayoutBatchDocument.class);
    }
}
