package com.rapport.support.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token check that remembers the tokens it has verified until they expire. A caller sends the same access token
 * with every request for its lifetime (15 minutes), and checking it again each time (base64, JSON, an RSA
 * signature, the claims) took several per cent of the gateway's CPU per proxied request in its profile, and the same
 * again in the service behind it. The answer for a token string cannot change before its expiry: the signature and
 * the claims are in the string, and access tokens are not revoked (refresh tokens are, at the gateway). Only
 * successes are kept, so a forged or expired token is checked, and refused, every time; a kept token is given up
 * at its expiry, from when the delegate decides again (with its clock skew).
 */
public final class RecentlyVerifiedTokens implements ReactiveJwtDecoder {

    /** About the distinct tokens of a busy quarter of an hour; when full it starts again rather than grow. */
    static final int CAPACITY = 10_000;

    private final ReactiveJwtDecoder delegate;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    public RecentlyVerifiedTokens(ReactiveJwtDecoder delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known != null) {
            if (stillValid(known)) {
                return Mono.just(known);
            }
            verified.remove(token, known);
        }
        return delegate.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    private void remember(String token, Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return;
        }
        if (verified.size() >= CAPACITY) {
            verified.clear();
        }
        verified.put(token, jwt);
    }

    private boolean stillValid(Jwt jwt) {
        Instant now = clock.instant();
        return now.isBefore(jwt.getExpiresAt()) && (jwt.getNotBefore() == null || !now.isBefore(jwt.getNotBefore()));
    }
}
