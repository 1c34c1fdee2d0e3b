package com.rapport.gateway.oidc;

import com.rapport.gateway.GatewayIntegrationTest;
import com.rapport.gateway.RecordingService;
import com.rapport.testsupport.TestInfrastructure;
import com.rapport.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Production with an external OpenID Connect provider, by configuration only: the local issuer is switched off and
 * the provider's issuer and key set are the standard resource-server properties. TestTokens plays the provider: it
 * signs tokens with its own key and serves its key set over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "rapport.security.local-issuer.enabled=false")
class ExternalIdentityProviderTest {

    static final RecordingService SERVICES = RecordingService.start("any");
    static final TestTokens PROVIDER = TestTokens.shared();

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.shared().register(registry, "rapport-gateway-oidc-it");
        PROVIDER.register(registry);
        registry.add("rapport.services.referral-uri", () -> SERVICES.uri().toString());
        registry.add("rapport.services.commission-uri", () -> SERVICES.uri().toString());
        registry.add("rapport.services.notification-uri", () -> SERVICES.uri().toString());
    }

    @Test
    void theProvidersTokensAreAcceptedAndTheCallerIsToldToTheServices() {
        web.get().uri("/api/referrals").headers(h -> h.setBearerAuth(PROVIDER.partner("p-42"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.headers['x-rapport-user']").isEqualTo("partner-p-42")
                .jsonPath("$.headers['x-rapport-roles']").isEqualTo("PARTNER")
                .jsonPath("$.headers['x-rapport-partner-id']").isEqualTo("p-42");
    }

    @Test
    void tokensOfAnotherIssuerOrPastTheirExpiryAreRefused() {
        String foreign = PROVIDER.sign("ops", List.of("OPS"), null, "https://not-our-provider.example",
                Instant.now().plus(15, ChronoUnit.MINUTES));
        String expired = PROVIDER.sign("ops", List.of("OPS"), null, TestTokens.ISSUER,
                Instant.now().minus(1, ChronoUnit.HOURS));

        for (String token : List.of(foreign, expired)) {
            web.get().uri("/api/referrals").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.type")
                    .isEqualTo(GatewayIntegrationTest.PROBLEM_BASE + "unauthenticated");
        }
    }

    /** Issue 10 #10: a provider serves many applications; only tokens meant for Rapport, with an expiry, pass. */
    @Test
    void tokensForAnotherAudienceWithoutOneOrWithoutAnExpiryAreRefused() {
        List<String> refused = List.of(
                PROVIDER.sign(PROVIDER.claims("ops", List.of("OPS"), null).audience("another-application").build()),
                PROVIDER.sign(PROVIDER.claims("ops", List.of("OPS"), null).audience((String) null).build()),
                PROVIDER.sign(PROVIDER.claims("ops", List.of("OPS"), null).expirationTime(null).build()));

        for (String token : refused) {
            web.get().uri("/api/referrals").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isUnauthorized();
        }
    }

    @Test
    void theGatewayNeitherIssuesTokensNorKeepsUsers() {
        web.post().uri("/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "admin", "password", "admin-dev-password"))
                .exchange().expectStatus().isNotFound();
        web.get().uri("/.well-known/jwks.json").exchange().expectStatus().isNotFound();
        web.post().uri("/auth/users").headers(h -> h.setBearerAuth(PROVIDER.admin()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "x", "password", "long-enough-password", "roles", List.of("OPS")))
                .exchange().expectStatus().isNotFound();
    }
}
