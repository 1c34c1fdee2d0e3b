package com.rapport.support.security;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class RecentlyVerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    /** The real check, counted: a token "bad..." is refused, any other is valid for 15 minutes from NOW. */
    private final List<String> checked = new ArrayList<>();
    private final ReactiveJwtDecoder check = token -> {
        checked.add(token);
        if (token.startsWith("bad")) {
            return Mono.error(new BadJwtException("signature does not match"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("ops")
                .issuedAt(NOW).expiresAt(NOW.plus(Duration.ofMinutes(15))).build());
    };
    private final RecentlyVerifiedTokens tokens = new RecentlyVerifiedTokens(check, clock);

    @Nested
    class ATokenVerifiedOnce {

        @Test
        void isNotCheckedAgainUntilItExpires() {
            Jwt first = tokens.decode("t1").block();
            now.set(NOW.plus(Duration.ofMinutes(14)));
            Jwt again = tokens.decode("t1").block();

            assertThat(again).isSameAs(first);
            assertThat(checked).containsExactly("t1");
        }

        @Test
        void isCheckedAgainOnceExpiredSoThatTheRealCheckDecides() {
            tokens.decode("t1").block();
            now.set(NOW.plus(Duration.ofMinutes(15)));
            tokens.decode("t1").block();

            assertThat(checked).containsExactly("t1", "t1");
        }

        @Test
        void doesNotVouchForAnotherToken() {
            tokens.decode("t1").block();
            tokens.decode("t2").block();

            assertThat(checked).containsExactly("t1", "t2");
        }
    }

    @Nested
    class ARefusedToken {

        @Test
        void isRefusedEveryTimeByTheRealCheck() {
            StepVerifier.create(tokens.decode("bad-1")).expectError(BadJwtException.class).verify();
            StepVerifier.create(tokens.decode("bad-1")).expectError(BadJwtException.class).verify();

            assertThat(checked).containsExactly("bad-1", "bad-1");
        }
    }

    @Nested
    class WhenFull {

        @Test
        void startsAgainRatherThanGrow() {
            for (int i = 0; i <= RecentlyVerifiedTokens.CAPACITY; i++) {
                tokens.decode("t" + i).block();
            }
            tokens.decode("t0").block();

            assertThat(checked).hasSize(RecentlyVerifiedTokens.CAPACITY + 2);
        }
    }
}
