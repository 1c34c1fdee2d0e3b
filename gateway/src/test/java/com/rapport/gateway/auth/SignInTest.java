package com.rapport.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.rapport.gateway.GatewayIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SignInTest extends GatewayIntegrationTest {

    @Value("${rapport.security.issuer}")
    String issuer;

    @Test
    void developmentUserSignsInAndGetsABearerTokenForFifteenMinutes() {
        JsonNode answer = tokens("ops", "ops-dev-password");

        assertThat(answer.path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(answer.path("expiresIn").asLong()).isEqualTo(Duration.ofMinutes(15).toSeconds());
        assertThat(answer.path("accessToken").asText()).isNotBlank();
        assertThat(answer.path("refreshToken").asText()).isNotBlank();
    }

    @Test
    void accessTokenIsSignedByAKeyOfThePublishedKeySetAndCarriesTheCallersClaims() throws Exception {
        String partner = newUser("partner-password", "PARTNER");
        String token = accessToken(partner, "partner-password");

        String keySet = client().get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        JWKSet jwks = JWKSet.parse(keySet);
        SignedJWT jwt = SignedJWT.parse(token);
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());

        assertThat(key).as("the token's kid is in the key set").isNotNull();
        assertThat(key.isPrivate()).as("only the public key is published").isFalse();
        assertThat(keySet).doesNotContain("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"");
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(partner);
        assertThat(claims.getIssuer()).isEqualTo(issuer);
        assertThat(claims.getAudience()).containsExactly("rapport-api");
        assertThat(claims.getStringListClaim("roles")).containsExactly("PARTNER");
        assertThat(claims.getStringClaim("partnerId")).isNotBlank();
        assertThat(claims.getIssueTime()).isBeforeOrEqualTo(new Date());
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void staffTokensCarryNoPartnerId() throws Exception {
        var claims = SignedJWT.parse(admin()).getJWTClaimsSet();

        assertThat(claims.getStringListClaim("roles")).containsExactly("ADMIN");
        assertThat(claims.getClaim("partnerId")).isNull();
    }

    @Test
    void wrongPasswordIsA401ProblemThatDoesNotSayWhichPartWasWrong() {
        JsonNode wrongPassword = signIn("finance", "not-the-password").expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode unknownUser = signIn("nobody-at-all", "not-the-password").expectStatus().isUnauthorized()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(wrongPassword.path("type").asText()).isEqualTo(problem("unauthenticated"));
        assertThat(wrongPassword.path("status").asInt()).isEqualTo(401);
        assertThat(wrongPassword.path("instance").asText()).isEqualTo("/auth/token");
        assertThat(unknownUser.path("detail")).isEqualTo(wrongPassword.path("detail"));
    }

    @Test
    void usernamesAreNotCaseSensitive() {
        signIn("OPS", "ops-dev-password").expectStatus().isOk();
    }

    @Test
    void signInWithoutAPasswordIsAValidationProblem() {
        client().post().uri("/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "ops"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(problem("validation-failed"))
                .jsonPath("$.errors[0].field").isEqualTo("password");
    }

    @Test
    void signInWithAFormBodyIsUnsupportedMediaType() {
        client().post().uri("/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=ops&password=ops-dev-password")
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(problem("unsupported-media-type"));
    }

    @Test
    void malformedJsonIsA400Problem() {
        client().post().uri("/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\": \"ops\", ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(problem("malformed-request"));
    }

    @Test
    void aStaleBearerTokenDoesNotStopASignIn() {
        client().post().uri("/auth/token").contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> headers.setBearerAuth("expired.or.garbage"))
                .bodyValue(Map.of("username", "ops", "password", "ops-dev-password"))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void keySetAndHealthAreOpenToAnyone() {
        client().get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.keys[0].kty").isEqualTo("RSA")
                .jsonPath("$.keys[0].kid").isNotEmpty();
        client().get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void theSigningKeyIsKeptInTheGatewaysDatabase(@Autowired ReactiveMongoTemplate mongo) {
        String published = client().get().uri("/.well-known/jwks.json").exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody().at("/keys/0/kid").asText();

        List<Document> stored = mongo.findAll(Document.class, "signing_keys").collectList().block();

        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).getString("jwk")).contains(published);
    }
}
