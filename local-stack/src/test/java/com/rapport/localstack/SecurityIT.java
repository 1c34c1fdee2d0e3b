package com.rapport.localstack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6's whole-stack security checks: forged and tampered tokens, identity headers from outside, services called
 * directly, one partner probing every resource of another, and password guessing.
 */
class SecurityIT {

    private final Journeys journeys = new Journeys();
    private final Api api = journeys.api;

    @Test
    void aPartnerCannotSeeAnyResourceOfAnother() {
        Journeys.Partner a = journeys.partner("sec-a");
        Journeys.Partner b = journeys.partner("sec-b");
        String referralOfB = journeys.submit(b, "Secret Client " + journeys.run);

        assertThat(api.get("/api/referrals/" + referralOfB, a.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/referrals", a.token()).json().path("items").toString()).doesNotContain(referralOfB);
        assertThat(api.get("/api/partners/" + b.id(), a.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/commissions?partnerId=" + b.id(), a.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/commissions?referralId=" + referralOfB, a.token()).json().path("items")).isEmpty();
        assertThat(api.get("/api/commissions/summary?partnerId=" + b.id(), a.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/statements/" + b.id() + "?from=2026-01-01&to=2026-12-31", a.token()).status())
                .isEqualTo(404);
        assertThat(api.put("/api/payout-details/" + b.id(), a.token(), Map.of("accountHolder", "Thief",
                "iban", "DE89370400440532013000")).status()).isEqualTo(404);
        assertThat(api.get("/api/notification-preferences/" + b.id(), a.token()).status()).isEqualTo(404);
        assertThat(api.put("/api/notification-preferences/" + b.id(), a.token(), Map.of("email", false,
                "frequency", "IMMEDIATE", "mutedEventTypes", List.of())).status()).isEqualTo(404);
        assertThat(api.get("/api/notifications?partnerId=" + b.id(), a.token()).json().path("items").toString())
                .doesNotContain(b.id());
        for (String action : List.of("qualify", "deliver")) {
            assertThat(api.post("/api/referrals/" + referralOfB + "/" + action, a.token(), null).status())
                    .isIn(403, 404);
        }
    }

    @Test
    void forgedOrTamperedTokensAreRefusedByTheGatewayAndByEveryService() {
        Journeys.Partner a = journeys.partner("tamper");
        String[] parts = a.token().split("\\.");
        ObjectNode claims = (ObjectNode) Journeys.json(decode(parts[1]));
        claims.putArray("roles").add("ADMIN");
        String escalated = parts[0] + "." + encode(claims.toString()) + "." + parts[2];
        String unsigned = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claims.toString()) + ".";

        for (String token : List.of(escalated, unsigned)) {
            Api.Response throughGateway = api.get("/api/partners", token);
            assertThat(throughGateway.status()).isEqualTo(401);
            assertThat(throughGateway.problemSlug()).isEqualTo("unauthenticated");
            for (int port : servicePorts()) {
                Api direct = new Api("http://127.0.0.1:" + port);
                assertThat(direct.get("/api/referrals", token).status()).as("port " + port).isEqualTo(401);
            }
        }
    }

    @Test
    void identityHeadersFromOutsideAreNeverTrusted() {
        Map<String, String> forged = Map.of("X-Rapport-User", "admin", "X-Rapport-Roles", "ADMIN",
                "X-User", "admin", "X-Roles", "ADMIN");
        for (int port : servicePorts()) {
            Api direct = new Api("http://127.0.0.1:" + port);
            Api.Response response = direct.send("GET", "/api/referrals", null, null, null, forged);
            assertThat(response.status()).as("service on " + port).isEqualTo(401);
        }
        Api.Response viaGateway = api.send("GET", "/api/partners", null, null, null, forged);
        assertThat(viaGateway.status()).isEqualTo(401);

        // a partner who adds staff headers to a valid token is still only a partner
        Journeys.Partner partner = journeys.partner("headers");
        Api.Response staffOnly = api.send("GET", "/api/partners", partner.token(), null, null, forged);
        assertThat(staffOnly.status()).isEqualTo(403);
    }

    @Test
    void guessingPasswordsIsStopped() {
        String username = "guess-" + journeys.run;
        assertThat(api.post("/auth/users", journeys.admin, Map.of("username", username,
                "password", "the-right-password", "roles", List.of("FINANCE"))).status()).isEqualTo(201);
        Api.Response last = null;
        for (int attempt = 0; attempt < 8; attempt++) {
            last = api.post("/auth/token", null, Map.of("username", username, "password", "wrong-" + attempt));
            if (last.status() == 429) {
                break;
            }
            assertThat(last.status()).isEqualTo(401);
        }
        assertThat(last.status()).as(last.toString()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.contentType()).startsWith("application/problem+json");
        Api.Response rightButLocked = api.post("/auth/token", null, Map.of("username", username,
                "password", "the-right-password"));
        assertThat(rightButLocked.status()).isEqualTo(429);
    }

    @Test
    void missingRolesAreForbiddenInTheServicesThemselves() {
        Journeys.Partner partner = journeys.partner("roles");
        assertThat(api.post("/api/payouts", partner.token(), Map.of("asOf", "2026-11-30")).status()).isEqualTo(403);
        assertThat(api.put("/api/commission-plans/standard", journeys.ops, Map.of()).status()).isEqualTo(403);
        assertThat(api.get("/api/exports/ledger.csv?from=2026-01-01&to=2026-12-31", journeys.ops).status())
                .isEqualTo(403);
        assertThat(api.post("/api/partners", journeys.finance, Map.of("name", "N", "email", "n@x.example",
                "language", "en")).status()).isEqualTo(403);
    }

    private List<Integer> servicePorts() {
        StackOptions options = journeys.stack.options();
        return List.of(options.referralPort(), options.commissionPort(), options.notificationPort());
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
