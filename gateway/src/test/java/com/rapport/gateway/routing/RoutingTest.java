package com.rapport.gateway.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.gateway.GatewayIntegrationTest;
import com.rapport.gateway.RecordingService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingTest extends GatewayIntegrationTest {

    @ParameterizedTest
    @CsvSource({
            "/api/partners, referral",
            "/api/partners/me, referral",
            "/api/referrals/r-1/timeline, referral",
            "/api/commission-plans/standard, commission",
            "/api/partner-plans/p-1, commission",
            "/api/commissions/summary, commission",
            "/api/statements/p-1, commission",
            "/api/payout-details/p-1, commission",
            "/api/payouts/b-1/export.csv, commission",
            "/api/exports/ledger.csv, commission",
            "/api/exports/journal.csv, commission",
            "/api/deal-terms/r-1, commission",
            "/api/forecast, commission",
            "/api/adjustments/a-1/approve, commission",
            "/api/disputes/d-1/resolve, commission",
            "/api/tax-profiles/p-1, commission",
            "/api/invoices/SB-2026-000001.pdf, commission",
            "/api/tax-statements/p-1/2026, commission",
            "/api/referrals/r-1/amendments, referral",
            "/api/notifications, notification",
            "/api/notifications/n-1, notification",
            "/api/notification-preferences/p-1, notification"})
    void eachPathPrefixReachesItsService(String path, String service) {
        String token = ops();

        JsonNode echo = get(path + "?page=0&size=5", token);

        assertThat(echo.path("service").asText()).isEqualTo(service);
        assertThat(echo.path("path").asText()).isEqualTo(path);
        assertThat(echo.path("query").asText()).isEqualTo("page=0&size=5");
        assertThat(echo.at("/headers/authorization").asText()).isEqualTo("Bearer " + token);
    }

    @Test
    void theGatewayTellsServicesWhoIsCallingFromTheVerifiedToken() {
        String partner = newUser("partner-password", "PARTNER");
        String token = accessToken(partner, "partner-password");

        JsonNode headers = get("/api/referrals", token).path("headers");

        assertThat(headers.path("x-rapport-user").asText()).isEqualTo(partner);
        assertThat(headers.path("x-rapport-roles").asText()).isEqualTo("PARTNER");
        assertThat(headers.path("x-rapport-partner-id").asText()).isNotBlank();
    }

    @Test
    void identityHeadersSentByAClientNeverReachAService() {
        String token = ops();

        JsonNode headers = client().get().uri("/api/referrals")
                .headers(h -> {
                    h.setBearerAuth(token);
                    h.set("X-Rapport-User", "admin");
                    h.set("X-Rapport-Roles", "ADMIN");
                    h.set("X-Rapport-Partner-Id", "someone-else");
                    h.set("x-rapport-anything", "forged");
                    h.set("X_Rapport_User", "admin");
                    h.set("X-User", "admin");
                    h.set("X-User-Id", "admin");
                    h.set("X-Roles", "ADMIN");
                    h.set("X-Partner-Id", "someone-else");
                    h.set("X-Forwarded-User", "admin");
                    h.set("Remote-User", "admin");
                })
                .exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("headers");

        assertThat(headers.path("x-rapport-user").asText()).isEqualTo("ops");
        assertThat(headers.path("x-rapport-roles").asText()).isEqualTo("OPS");
        assertThat(headers.has("x-rapport-partner-id")).isFalse();
        assertThat(headers.has("x-rapport-anything")).isFalse();
        assertThat(headers.has("x_rapport_user")).isFalse();
        assertThat(headers.has("x-user")).isFalse();
        assertThat(headers.has("x-user-id")).isFalse();
        assertThat(headers.has("x-roles")).isFalse();
        assertThat(headers.has("x-partner-id")).isFalse();
        assertThat(headers.has("x-forwarded-user")).isFalse();
        assertThat(headers.has("remote-user")).isFalse();
    }

    @Test
    void apiCallsWithoutATokenAreRefusedAtTheGatewayAndNeverRouted() {
        String marker = "/api/referrals/" + UUID.randomUUID();

        client().get().uri(marker).header("X-Rapport-User", "admin").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody()
                .jsonPath("$.type").isEqualTo(problem("unauthenticated"))
                .jsonPath("$.instance").isEqualTo(marker);
        client().get().uri(marker).headers(h -> h.setBearerAuth("not-a-jwt")).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo(problem("unauthenticated"));

        assertThat(REFERRAL.received()).noneMatch(request -> marker.equals(request.get("path")));
    }

    @Test
    void anUnknownApiPathIsA404Problem() {
        client().get().uri("/api/nothing-here").headers(h -> h.setBearerAuth(ops())).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(problem("not-found"));
        client().get().uri("/no/such/page").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(problem("not-found"));
    }

    @Test
    void aProblemFromAServicePassesThroughUntouched() {
        String body = client().post().uri("/api/referrals/refused")
                .headers(h -> h.setBearerAuth(ops()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).isEqualTo(RecordingService.REFUSAL);
    }

    @Test
    void requestBodiesReachTheServiceWhole() {
        byte[] body = new byte[60 * 1024];

        JsonNode echo = client().method(HttpMethod.PUT).uri("/api/payout-details/p-1")
                .headers(h -> h.setBearerAuth(ops()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(echo.path("bodyBytes").asInt()).isEqualTo(body.length);
    }

    @Test
    void responsesCarryTheSecurityHeaders() {
        client().get().uri("/api/referrals").headers(h -> h.setBearerAuth(ops())).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("default-src 'self'", "frame-ancestors 'none'"))
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer");
        client().post().uri("/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "x", "password", "y")).exchange()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().exists("Content-Security-Policy");
    }

    @Test
    void hstsIsOnlySentOverTls() {
        // this test server speaks plain HTTP: announcing HSTS here would be wrong
        client().get().uri("/.well-known/jwks.json").exchange()
                .expectHeader().doesNotExist("Strict-Transport-Security");
    }

    @Test
    void corsIsClosedByDefault() {
        client().options().uri("/api/referrals")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .exchange()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
        client().get().uri("/api/referrals").headers(h -> h.setBearerAuth(ops()))
                .header("Origin", "https://evil.example")
                .exchange()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }

    private JsonNode get(String path, String token) {
        return client().get().uri(path).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
