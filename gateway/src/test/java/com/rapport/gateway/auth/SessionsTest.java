package com.rapport.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Short-lived access tokens, a refresh path with rotation, sign-out, and the lock-out after wrong passwords. */
class SessionsTest extends GatewayIntegrationTest {

    @Test
    void aRefreshTokenGetsANewAccessTokenAndANewRefreshTokenWithoutThePassword() {
        String user = newUser("partner-password", "PARTNER");
        JsonNode signedIn = tokens(user, "partner-password");

        JsonNode refreshed = refresh(signedIn.path("refreshToken").asText()).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(refreshed.path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(refreshed.path("expiresIn").asInt()).isEqualTo(900);
        assertThat(refreshed.path("accessToken").asText()).isNotEqualTo(signedIn.path("accessToken").asText());
        assertThat(refreshed.path("refreshToken").asText()).isNotEqualTo(signedIn.path("refreshToken").asText());
        client().get().uri("/api/referrals").headers(h -> h.setBearerAuth(refreshed.path("accessToken").asText()))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.headers['x-rapport-user']").isEqualTo(user);
    }

    @Test
    void aStolenRefreshTokenUsedTwiceEndsTheSessionForBoth() {
        JsonNode signedIn = tokens("finance", "finance-dev-password");
        String stolen = signedIn.path("refreshToken").asText();
        String legitimate = refresh(stolen).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("refreshToken").asText();

        refresh(stolen).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo(problem("unauthenticated"));
        refresh(legitimate).expectStatus().isUnauthorized();
    }

    @Test
    void signingOutEndsTheRefreshPath() {
        String refreshToken = tokens("finance", "finance-dev-password").path("refreshToken").asText();

        client().post().uri("/auth/logout").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refreshToken))
                .exchange().expectStatus().isNoContent();

        refresh(refreshToken).expectStatus().isUnauthorized();
    }

    @Test
    void anAccessTokenIsNotARefreshToken() {
        refresh(admin()).expectStatus().isUnauthorized();
    }

    @Test
    void fiveWrongPasswordsLockTheUsernameAndEvenTheRightOneIsThenAnswered429() {
        String user = newUser("the-right-password", "OPS");
        for (int attempt = 0; attempt < 5; attempt++) {
            signIn(user, "a-wrong-password").expectStatus().isUnauthorized();
        }

        JsonNode locked = signIn(user, "the-right-password")
                .expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", seconds -> assertThat(Long.parseLong(seconds))
                        .isBetween(290L, 300L))
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(locked.path("type").asText()).isEqualTo(problem("too-many-requests"));
        signIn("ops", "ops-dev-password").expectStatus().isOk();
    }

    @Test
    void aLockOutLooksTheSameForAUsernameThatDoesNotExist() {
        String nobody = "nobody-" + System.nanoTime();
        for (int attempt = 0; attempt < 5; attempt++) {
            signIn(nobody, "a-wrong-password").expectStatus().isUnauthorized();
        }

        signIn(nobody, "a-wrong-password").expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After");
    }

    @Test
    void aRightPasswordBeforeTheLimitClearsTheCount() {
        String user = newUser("the-right-password", "OPS");
        for (int attempt = 0; attempt < 4; attempt++) {
            signIn(user, "a-wrong-password").expectStatus().isUnauthorized();
        }
        signIn(user, "the-right-password").expectStatus().isOk();

        for (int attempt = 0; attempt < 4; attempt++) {
            signIn(user, "a-wrong-password").expectStatus().isUnauthorized();
        }
        signIn(user, "the-right-password").expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec refresh(String refreshToken) {
        return client().post().uri("/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refreshToken))
                .exchange();
    }
}
