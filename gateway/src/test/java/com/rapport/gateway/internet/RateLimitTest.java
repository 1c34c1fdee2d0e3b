package com.rapport.gateway.internet;

import com.rapport.gateway.InternetFacingGatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Budgets of 3 sign-ins per address, 3 API calls per user and 6 per address, each then one a minute. */
class RateLimitTest extends InternetFacingGatewayTest {

    @Test
    void signInsFromOneAddressAreLimitedWhateverTheUsername() {
        WebTestClient attacker = from(newAddress());
        for (int attempt = 0; attempt < 3; attempt++) {
            signIn(attacker, "user-" + attempt, "guess").expectStatus().isUnauthorized();
        }

        signIn(attacker, "ops", "ops-dev-password")
                .expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", seconds -> assertThat(Long.parseLong(seconds))
                        .isBetween(55L, 60L))
                .expectBody()
                .jsonPath("$.type").isEqualTo(problem("too-many-requests"))
                .jsonPath("$.status").isEqualTo(429);
        signIn(from(newAddress()), "ops", "ops-dev-password").expectStatus().isOk();
    }

    @Test
    void apiCallsOfOneUserAreLimitedFromWhereverTheyCome() {
        String token = accessToken(newUser(), "long-enough-password");
        for (int call = 0; call < 3; call++) {
            get(from(newAddress()), token).expectStatus().isOk();
        }

        get(from(newAddress()), token)
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.type").isEqualTo(problem("too-many-requests"));
    }

    @Test
    void apiCallsFromOneAddressAreLimitedAcrossUsers() {
        WebTestClient office = from(newAddress());
        String first = accessToken(newUser(), "long-enough-password");
        String second = accessToken(newUser(), "long-enough-password");
        String third = accessToken(newUser(), "long-enough-password");
        for (int call = 0; call < 3; call++) {
            get(office, first).expectStatus().isOk();
            get(office, second).expectStatus().isOk();
        }

        get(office, third).expectStatus().isEqualTo(429).expectHeader().exists("Retry-After");
        get(from(newAddress()), third).expectStatus().isOk();
    }

    /** Issue 14: password resets and invitation links share the sign-in budget of an address (they send mail and
     * can be guessed at). */
    @Test
    void passwordResetsAndLinksFromOneAddressShareTheSignInBudget() {
        WebTestClient flooder = from(newAddress());
        flooder.post().uri("/auth/password-resets").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "someone@partner.example")).exchange().expectStatus().isAccepted();
        flooder.post().uri("/auth/password-resets/guessed-link").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", "long-enough-password")).exchange().expectStatus().isEqualTo(410);
        flooder.post().uri("/auth/invitations/guessed-link/accept").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "guesser", "password", "long-enough-password")).exchange()
                .expectStatus().isEqualTo(410);

        flooder.post().uri("/auth/password-resets").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "someone@partner.example")).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After");
        signIn(flooder, "ops", "ops-dev-password").expectStatus().isEqualTo(429);
    }

    private WebTestClient.ResponseSpec get(WebTestClient client, String token) {
        return client.get().uri("/api/referrals").headers(h -> h.setBearerAuth(token)).exchange();
    }

    private String newUser() {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = accessToken("admin", "admin-dev-password");
        from(newAddress()).post().uri("/auth/users").headers(h -> h.setBearerAuth(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", "long-enough-password",
                        "roles", List.of("FINANCE")))
                .exchange().expectStatus().isCreated();
        return username;
    }
}
