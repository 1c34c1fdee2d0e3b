package com.rapport.gateway.auth;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.rapport.testsupport.MovableClock;
import com.rapport.gateway.auth.lockout.LockoutProperties;
import com.rapport.gateway.auth.lockout.LoginLockout;
import com.rapport.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-username lock-out against a real MongoDB server, with a clock the test moves. */
class LoginLockoutTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T08:00:00Z"));
    private final MongoClient client = MongoClients.create(TestInfrastructure.shared().mongo().connectionString());
    private final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "lockout-" + UUID.randomUUID());
    private final LoginLockout lockout = new LoginLockout(mongo,
            new LockoutProperties(3, Duration.ofMinutes(15), Duration.ofMinutes(5)), clock);

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void theMaximumOfFailuresLocksTheUsernameForTheLockDuration() {
        fail("alice", 2);
        assertThat(lockout.remainingLock("alice").block()).isNull();

        fail("alice", 1);

        assertThat(lockout.remainingLock("alice").block()).isEqualTo(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(4));
        assertThat(lockout.remainingLock("alice").block()).isEqualTo(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(lockout.remainingLock("alice").block()).isNull();
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        fail("bob", 2);
        clock.advance(Duration.ofMinutes(16));

        fail("bob", 2);

        assertThat(lockout.remainingLock("bob").block()).isNull();
        fail("bob", 1);
        assertThat(lockout.remainingLock("bob").block()).isNotNull();
    }

    @Test
    void aSuccessfulSignInClearsTheCount() {
        fail("carol", 2);

        lockout.recordSuccess("carol").block();
        fail("carol", 2);

        assertThat(lockout.remainingLock("carol").block()).isNull();
    }

    @Test
    void eachUsernameIsCountedApart() {
        fail("dave", 3);

        assertThat(lockout.remainingLock("erin").block()).isNull();
    }

    private void fail(String username, int times) {
        for (int i = 0; i < times; i++) {
            lockout.recordFailure(username).block();
        }
    }
}
