package com.rapport.gateway.auth.lockout;

import com.rapport.gateway.auth.ConditionalOnLocalIssuer;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Brute-force protection per username: too many wrong passwords in a row lock the username for a while, whatever
 * password comes next. Failures are counted in MongoDB ({@code login_failures}, one document per username, by _id)
 * so that every gateway instance sees the same count; usernames that do not exist are counted too, so a lock-out
 * tells nothing about which users exist. A successful sign-in clears the count.
 */
@Component
@ConditionalOnLocalIssuer
public class LoginLockout {

    static final String COLLECTION = "login_failures";

    private final ReactiveMongoTemplate mongo;
    private final LockoutProperties properties;
    private final Clock clock;

    public LoginLockout(ReactiveMongoTemplate mongo, LockoutProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** How long the username stays locked; empty when it is not locked. */
    public Mono<Duration> remainingLock(String username) {
        Instant now = clock.instant();
        return mongo.findById(username, FailedSignIns.class, COLLECTION)
                .filter(state -> state.lockedUntil() != null && state.lockedUntil().isAfter(now))
                .map(state -> Duration.between(now, state.lockedUntil()));
    }

    public Mono<Void> recordFailure(String username) {
        Instant now = clock.instant();
        Query byName = Query.query(where("_id").is(username));
        Update counted = new Update().inc("failures", 1).setOnInsert("windowStart", now);
        return mongo.findAndModify(byName, counted, FindAndModifyOptions.options().upsert(true).returnNew(true),
                        FailedSignIns.class, COLLECTION)
                .flatMap(state -> {
                    if (state.windowStart().plus(properties.failureWindow()).isBefore(now)) {
                        // the earlier failures are too old to count: this one opens a new window
                        return mongo.updateFirst(
                                Query.query(where("_id").is(username).and("windowStart").is(state.windowStart())),
                                new Update().set("failures", 1).set("windowStart", now), COLLECTION).then();
                    }
                    if (state.failures() >= properties.maxFailures()) {
                        return mongo.updateFirst(byName, new Update()
                                .set("lockedUntil", now.plus(properties.lockDuration()))
                                .set("failures", 0)
                                .set("windowStart", now), COLLECTION).then();
                    }
                    return Mono.empty();
                });
    }

    public Mono<Void> recordSuccess(String username) {
        return mongo.remove(Query.query(where("_id").is(username)), COLLECTION).then();
    }

    record FailedSignIns(@Id String username, int failures, Instant windowStart, Instant lockedUntil) {
    }
}
