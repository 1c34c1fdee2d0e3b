package com.rapport.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.rapport.gateway.GatewayIntegrationTest;
import com.rapport.gateway.auth.key.SigningKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's security suite: forged, altered, expired and foreign tokens are all answered with the same plain 401
 * problem (no hint of what was wrong, no stack, nothing routed), and a valid token without the role gets a 403.
 */
class TokenAttacksTest extends GatewayIntegrationTest {

    private static final String GENERIC_DETAIL = "a valid bearer token is required";

    @Autowired
    SigningKeys signingKeys;

    @Value("${rapport.security.issuer}")
    String issuer;

    @Value("${rapport.security.audience}")
    String audience;

    @Test
    void aTokenWhosePayloadWasAlteredIsRefused() {
        String[] parts = ops().split("\\.");
        String escalated = Base64URL.encode(new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8)
                .replace("\"OPS\"", "\"ADMIN\"")).toString();

        assertRefused(parts[0] + "." + escalated + "." + parts[2]);
    }

    @Test
    void aTokenWithASignatureFromAnotherKeyIsRefused() throws Exception {
        RSAKey otherKey = new RSAKeyGenerator(2048).keyID(gatewayKey().getKeyID()).generate();

        assertRefused(sign(otherKey, claims().build()));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));

        assertRefused(sign(gatewayKey(), claims()
                .issueTime(Date.from(anHourAgo.minus(Duration.ofMinutes(15))))
                .expirationTime(Date.from(anHourAgo)).build()));
    }

    @Test
    void aTokenWithoutAnExpiryIsRefused() throws Exception {
        assertRefused(sign(gatewayKey(), claims().expirationTime(null).build()));
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedEvenWithTheRightKey() throws Exception {
        assertRefused(sign(gatewayKey(), claims().audience("some-other-application").build()));
    }

    @Test
    void aTokenWithoutAnAudienceIsRefused() throws Exception {
        assertRefused(sign(gatewayKey(), claims().audience((String) null).build()));
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsRefused() {
        assertRefused(new PlainJWT(claims().build()).serialize());
        assertRefused(new PlainJWT(claims().build()).serialize() + "c2lnbmF0dXJl");
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIsRefused() throws Exception {
        byte[] publicKeyAsSecret = gatewayKey().toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(gatewayKey().getKeyID())
                .build(), claims().build());
        jwt.sign(new MACSigner(publicKeyAsSecret));

        assertRefused(jwt.serialize());
    }

    @Test
    void aTokenFromAnotherIssuerIsRefusedEvenWithTheRightKey() throws Exception {
        assertRefused(sign(gatewayKey(), claims().issuer("https://someone-else.example").build()));
    }

    @Test
    void aTokenSignedProperlyWithTheGatewaysKeyIsAccepted() throws Exception {
        // the control case: the cases above fail for the reason they name, not for the way they were made
        String token = sign(gatewayKey(), claims().build());

        client().get().uri("/api/referrals").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk();
    }

    @Test
    void aValidTokenWithoutTheNeededRoleIsForbidden() {
        String partner = accessToken(newUser("partner-password", "PARTNER"), "partner-password");

        createUser(partner, Map.of("username", "made-by-partner", "password", "long-enough-password",
                "roles", List.of("ADMIN")))
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(problem("forbidden"));
        client().get().uri("/actuator/info").headers(h -> h.setBearerAuth(ops())).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo(problem("forbidden"));
    }

    @Test
    void aTokenInTheQueryStringIsNotATokenAtAll() {
        client().get().uri("/api/referrals?access_token=" + ops()).exchange()
                .expectStatus().isUnauthorized();
    }

    private void assertRefused(String token) {
        String marker = "/api/referrals/" + UUID.randomUUID();

        JsonNode answer = client().get().uri(marker).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(answer.path("type").asText()).isEqualTo(problem("unauthenticated"));
        assertThat(answer.path("detail").asText()).isEqualTo(GENERIC_DETAIL);
        assertThat(answer.toString()).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("expired")
                .doesNotContainIgnoringCase("signature").doesNotContainIgnoringCase("issuer");
        assertThat(REFERRAL.received()).noneMatch(request -> marker.equals(request.get("path")));
    }

    private RSAKey gatewayKey() {
        return signingKeys.current().block().key();
    }

    private JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject("mallory")
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .claim("roles", List.of("ADMIN"));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
