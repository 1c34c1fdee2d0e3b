package com.rapport.gateway.auth;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.rapport.testsupport.MovableClock;
import com.rapport.gateway.auth.token.InvalidRefreshTokenException;
import com.rapport.gateway.auth.token.RefreshTokens;
import com.rapport.testsupport.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Refresh-token rotation against a real MongoDB server, with a clock the test moves. */
class RefreshTokensTest {

    private static final Duration LIFETIME = Duration.ofHours(8);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T08:00:00Z"));
    private final MongoClient client = MongoClients.create(TestInfrastructure.shared().mongo().connectionString());
    private final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "refresh-" + UUID.randomUUID());
    private final RefreshTokens tokens = new RefreshTokens(mongo, new LocalIssuerProperties(true,
            Duration.ofMinutes(15), LIFETIME, null, Duration.ofSeconds(30)), clock);

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aRefreshTokenIsSpentOnceAndReplacedByANewOneForTheSameUser() {
        String first = tokens.startSession("alice").block().value();

        RefreshTokens.Rotation rotation = tokens.rotate(first).block();

        assertThat(rotation.username()).isEqualTo("alice");
        assertThat(rotation.next().value()).isNotEqualTo(first);
        assertThat(tokens.rotate(rotation.next().value()).block().username()).isEqualTo("alice");
    }

    @Test
    void aSpentTokenPresentedAgainEndsTheWholeSession() {
        String first = tokens.startSession("alice").block().value();
        String second = tokens.rotate(first).block().next().value();

        assertThatThrownBy(() -> tokens.rotate(first).block()).isInstanceOf(InvalidRefreshTokenException.class);
        assertThatThrownBy(() -> tokens.rotate(second).block()).isInstanceOf(InvalidRefreshTokenException.class);
    }

    @Test
    void aSessionEndsItsLifetimeAfterSignInHoweverOftenItIsRefreshed() {
        String token = tokens.startSession("alice").block().value();
        clock.advance(LIFETIME.minusMinutes(1));
        String late = tokens.rotate(token).block().next().value();

        clock.advance(Duration.ofMinutes(2));

        assertThatThrownBy(() -> tokens.rotate(late).block()).isInstanceOf(InvalidRefreshTokenException.class);
    }

    @Test
    void signingOutEndsTheSession() {
        String token = tokens.startSession("alice").block().value();

        tokens.endSession(token).block();

        assertThatThrownBy(() -> tokens.rotate(token).block()).isInstanceOf(InvalidRefreshTokenException.class);
    }

    @Test
    void anUnknownTokenIsRefused() {
        assertThatThrownBy(() -> tokens.rotate("made-up").block()).isInstanceOf(InvalidRefreshTokenException.class);
    }

    @Test
    void theDatabaseHoldsNoUsableToken() {
        String token = tokens.startSession("alice").block().value();

        String stored = mongo.findAll(Document.class, "refresh_tokens").blockFirst().toJson();

        assertThat(stored).doesNotContain(token);
    }
}
