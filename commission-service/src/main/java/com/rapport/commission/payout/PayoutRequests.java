package com.rapport.commission.payout;

import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.LocalDate;

/**
 * {@code Idempotency-Key} of {@code POST /api/payouts}: the first request with a key reserves it together with the
 * batch id it will create; a retry with the same body gets that batch, one with another body a 409.
 */
@Component
class PayoutRequests {

    static final String REQUESTS = "payout_requests";

    private final ReactiveMongoTemplate mongo;

    PayoutRequests(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The batch id this key stands for, and whether this request is the first to use the key. */
    record Reservation(String batchId, boolean first) {
    }

    /** The first request failed: let a retry with the same key start afresh. */
    Mono<Void> release(String key) {
        return mongo.remove(Query.query(Criteria.where("_id").is(key)), REQUESTS).then();
    }

    Mono<Reservation> reserve(String key, LocalDate asOf, String proposedBatchId) {
        Document reservation = new Document("_id", key).append("asOf", asOf.toString())
                .append("batchId", proposedBatchId);
        return mongo.insert(reservation, REQUESTS)
                .map(saved -> new Reservation(proposedBatchId, true))
                .onErrorResume(DuplicateKeyException.class, taken -> mongo.findById(key, Document.class, REQUESTS)
                        .map(existing -> {
                            if (!asOf.toString().equals(existing.getString("asOf"))) {
                                throw new ProblemException(HttpStatus.CONFLICT,
                                        ProblemTypes.IDEMPOTENCY_KEY_REUSED, "Idempotency key reused",
                                        "this Idempotency-Key was used with another body");
                            }
                            return new Reservation(existing.getString("batchId"), false);
                        }));
    }
}
