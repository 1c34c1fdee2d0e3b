package com.rapport.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs RS256 tokens the way the gateway does and publishes the key set over real HTTP, so a service under test
 * validates tokens through its production configuration ({@code jwk-set-uri}, {@code issuer-uri}), not a stub.
 * Claims: {@code sub}, {@code roles}, {@code partnerId}, {@code iss}, {@code aud}, {@code exp}.
 */
public final class TestTokens {

    public static final String ISSUER = "http://rapport.test";
    /** The audience services require (the default of {@code RAPPORT_TOKEN_AUDIENCE}). */
    public static final String AUDIENCE = "rapport-api";

    private static volatile TestTokens shared;

    private final RSAKey key;
    private final HttpServer server;

    private TestTokens() {
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
    }

    public static TestTokens shared() {
        if (shared == null) {
            synchronized (TestTokens.class) {
                if (shared == null) {
                    shared = new TestTokens();
                }
            }
        }
        return shared;
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", this::jwkSetUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
    }

    public String ops() {
        return token("ops", List.of("OPS"), null);
    }

    public String finance() {
        return token("finance", List.of("FINANCE"), null);
    }

    public String admin() {
        return token("admin", List.of("ADMIN"), null);
    }

    public String partner(String partnerId) {
        return token("partner-" + partnerId, List.of("PARTNER"), partnerId);
    }

    public String token(String username, List<String> roles, String partnerId) {
        return sign(username, roles, partnerId, ISSUER, Instant.now().plus(Duration.ofMinutes(15)));
    }

    public String sign(String username, List<String> roles, String partnerId, String issuer, Instant expiresAt) {
        JWTClaimsSet.Builder claims = claims(username, roles, partnerId).issuer(issuer)
                .expirationTime(Date.from(expiresAt));
        return sign(claims.build());
    }

    /**
     * The claims of a valid token (issuer, audience, 15 minutes), for a test to change one of them and
     * {@link #sign(JWTClaimsSet)}.
     */
    public JWTClaimsSet.Builder claims(String username, List<String> roles, String partnerId) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(username)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(15))))
                .claim("roles", roles);
        if (partnerId != null) {
            claims.claim("partnerId", partnerId);
        }
        return claims;
    }

    /** Signs exactly these claims with this key. */
    public String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
