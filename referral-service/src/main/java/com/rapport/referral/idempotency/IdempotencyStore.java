package com.rapport.referral.idempotency;

import com.rapport.referral.config.ReferralProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Remembers keys and answers in MongoDB (reactive driver). Every decision is one insert under a unique {@code _id}
 * or one conditional update, so two requests racing with the same key never both go through.
 */
@Component
class IdempotencyStore {

    /** What to do with a request that carries a key. */
    sealed interface Decision {
        record Proceed() implements Decision {
        }

        record Replay(IdempotencyRecord answer) implements Decision {
        }

        record KeyReused() implements Decision {
        }

        record StillRunning() implements Decision {
        }
    }

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final IdempotencyPolicy policy;

    IdempotencyStore(ReactiveMongoTemplate mongo, Clock clock, ReferralProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.policy = new IdempotencyPolicy(properties.idempotency().retention(),
                properties.idempotency().inProgressLease());
    }

    Mono<Decision> begin(String id, String fingerprint) {
        Instant now = clock.instant();
        return mongo.insert(IdempotencyRecord.started(id, fingerprint, now, policy))
                .<Decision>thenReturn(new Decision.Proceed())
                .onErrorResume(DuplicateKeyException.class, known -> mongo.findById(id, IdempotencyRecord.class)
                        .flatMap(existing -> decide(existing, fingerprint, now))
                        // gone between the insert and the read: it expired and was removed; this request is first
                        .switchIfEmpty(Mono.fromCallable(Decision.Proceed::new)));
    }

    private Mono<Decision> decide(IdempotencyRecord existing, String fingerprint, Instant now) {
        if (existing.expiresAt().isBefore(now)) {
            return takeOver(existing, fingerprint, now, where("expiresAt").is(existing.expiresAt()));
        }
        if (!existing.fingerprint().equals(fingerprint)) {
            return Mono.just(new Decision.KeyReused());
        }
        if (existing.state() == IdempotencyRecord.State.COMPLETED) {
            return Mono.just(new Decision.Replay(existing));
        }
        if (existing.leaseUntil().isBefore(now)) {
            // the first request died without an answer (a crash): a retry may run it
            return takeOver(existing, fingerprint, now, where("state").is(IdempotencyRecord.State.IN_PROGRESS.name())
                    .and("leaseUntil").is(existing.leaseUntil()));
        }
        return Mono.just(new Decision.StillRunning());
    }

    private Mono<Decision> takeOver(IdempotencyRecord existing, String fingerprint, Instant now,
                                    Criteria unchanged) {
        IdempotencyRecord fresh = IdempotencyRecord.started(existing.id(), fingerprint, now, policy);
        Update replace = new Update().set("fingerprint", fresh.fingerprint()).set("state", fresh.state())
                .set("createdAt", fresh.createdAt()).set("expiresAt", fresh.expiresAt())
                .set("leaseUntil", fresh.leaseUntil())
                .unset("status").unset("contentType").unset("location").unset("body");
        return mongo.updateFirst(Query.query(where("_id").is(existing.id()).andOperator(unchanged)), replace,
                        IdempotencyRecord.class)
                .map(result -> result.getModifiedCount() == 1 ? new Decision.Proceed() : new Decision.StillRunning());
    }

    Mono<Void> complete(String id, int status, String contentType, String location, byte[] body) {
        Update answer = new Update().set("state", IdempotencyRecord.State.COMPLETED).set("status", status)
                .set("contentType", contentType).set("location", location).set("body", body);
        return mongo.updateFirst(Query.query(where("_id").is(id)), answer, IdempotencyRecord.class).then();
    }

    /** The request failed without a storable answer: the key is free for a retry. */
    Mono<Void> forget(String id) {
        return mongo.remove(Query.query(where("_id").is(id)), IdempotencyRecord.class).then();
    }
}
