package com.rapport.support.idempotency;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Remembers keys and answers in MongoDB (reactive driver). Every decision is one insert under a unique {@code _id}
 * or one conditional update on that {@code _id}, so two requests racing with the same key never both go through.
 */
class IdempotencyStore {

    /** What to do with a request that carries a key. */
    sealed interface Decision {
        /** This request holds the key; {@code attempt} answers or frees it. */
        record Proceed(String attempt) implements Decision {
        }

        record Replay(IdempotencyRecord answer) implements Decision {
        }

        record KeyReused() implements Decision {
        }

        record StillRunning() implements Decision {
        }
    }

    private static final int ATTEMPTS = 3;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final IdempotencyProperties policy;

    IdempotencyStore(ReactiveMongoTemplate mongo, Clock clock, IdempotencyProperties policy) {
        this.mongo = mongo;
        this.clock = clock;
        this.policy = policy;
    }

    /** Expired keys go by themselves (a TTL index); a server without TTL support keeps them and they are taken over. */
    Mono<Void> expireOldKeys() {
        return mongo.indexOps(IdempotencyRecord.COLLECTION)
                .ensureIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO))
                .then();
    }

    Mono<Decision> begin(String id, String fingerprint) {
        return begin(id, fingerprint, ATTEMPTS);
    }

    private Mono<Decision> begin(String id, String fingerprint, int attemptsLeft) {
        Instant now = clock.instant();
        IdempotencyRecord started = IdempotencyRecord.started(id, fingerprint, now, policy);
        return mongo.insert(started)
                .<Decision>map(saved -> new Decision.Proceed(started.attempt()))
                .onErrorResume(DuplicateKeyException.class, known -> mongo.findById(id, IdempotencyRecord.class)
                        .flatMap(existing -> decide(existing, fingerprint, now))
                        // gone between the insert and the read (expired, or its first request failed): once more
                        .switchIfEmpty(Mono.defer(() -> attemptsLeft > 1 ? begin(id, fingerprint, attemptsLeft - 1)
                                : Mono.just(new Decision.StillRunning()))));
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
        Update replace = new Update().set("fingerprint", fresh.fingerprint()).set("attempt", fresh.attempt())
                .set("state", fresh.state()).set("createdAt", fresh.createdAt()).set("expiresAt", fresh.expiresAt())
                .set("leaseUntil", fresh.leaseUntil())
                .unset("status").unset("contentType").unset("location").unset("body");
        return mongo.updateFirst(Query.query(where("_id").is(existing.id()).andOperator(unchanged)), replace,
                        IdempotencyRecord.class)
                .map(result -> result.getModifiedCount() == 1 ? new Decision.Proceed(fresh.attempt())
                        : new Decision.StillRunning());
    }

    Mono<Void> complete(String id, String attempt, int status, String contentType, String location, byte[] body) {
        Update answer = new Update().set("state", IdempotencyRecord.State.COMPLETED).set("status", status)
                .set("contentType", contentType).set("location", location).set("body", body);
        return mongo.updateFirst(held(id, attempt), answer, IdempotencyRecord.class).then();
    }

    /** The request failed without a storable answer: the key is free for a retry. */
    Mono<Void> forget(String id, String attempt) {
        return mongo.remove(held(id, attempt), IdempotencyRecord.class).then();
    }

    /** The key, as long as this attempt still holds it (a retry may have taken over after the lease). */
    private static Query held(String id, String attempt) {
        return Query.query(where("_id").is(id).and("attempt").is(attempt));
    }
}
