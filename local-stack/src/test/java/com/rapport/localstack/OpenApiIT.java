package com.rapport.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API.md "Operations": the gateway serves one OpenAPI 3 document covering every public path of API.md, merged from
 * the services' own documents, and a page listing it. A documented path that disappears fails this journey.
 */
class OpenApiIT {

    /** Every method and path of API.md (path variables written {}). */
    private static final List<String> API_MD = List.of(
            "POST /auth/token", "POST /auth/users", "POST /auth/invitations", "POST /auth/invitations/{}/accept",
            "POST /auth/password-resets", "POST /auth/password-resets/{}",
            "POST /api/partners", "GET /api/partners/{}", "GET /api/partners/me", "GET /api/partners",
            "PUT /api/partners/{}",
            "POST /api/referrals", "GET /api/referrals", "GET /api/referrals/{}",
            "POST /api/referrals/{}/qualify", "POST /api/referrals/{}/reject", "POST /api/referrals/{}/quote",
            "POST /api/referrals/{}/contract", "POST /api/referrals/{}/milestones", "POST /api/referrals/{}/payments",
            "POST /api/referrals/{}/refunds", "POST /api/referrals/{}/deliver", "POST /api/referrals/{}/complete",
            "POST /api/referrals/{}/lose", "POST /api/referrals/{}/reassign", "POST /api/referrals/{}/amendments",
            "PUT /api/referrals/{}/schedule", "POST /api/referrals/{}/split", "POST /api/referrals/{}/follow-ons",
            "GET /api/commission-plans", "GET /api/commission-plans/{}", "PUT /api/commission-plans/{}",
            "PUT /api/partner-plans/{}", "GET /api/commissions", "GET /api/commissions/summary",
            "GET /api/statements/{}", "PUT /api/payout-details/{}", "POST /api/payouts", "GET /api/payouts/{}",
            "POST /api/payouts/{}/confirm", "POST /api/payouts/{}/cancel", "GET /api/payouts/{}/export.csv",
            "GET /api/payouts/{}/pain001.xml", "GET /api/exports/ledger.csv",
            "PUT /api/deal-terms/{}", "GET /api/deal-terms/{}", "GET /api/forecast",
            "POST /api/adjustments", "POST /api/adjustments/{}/approve", "POST /api/adjustments/{}/reject",
            "GET /api/adjustments", "POST /api/commissions/{}/hold", "POST /api/commissions/{}/release",
            "POST /api/commissions/{}/disputes", "POST /api/disputes/{}/resolve", "GET /api/disputes",
            "GET /api/tax-profiles/{}", "PUT /api/tax-profiles/{}", "GET /api/invoices", "GET /api/invoices/{}",
            "GET /api/exports/journal.csv", "GET /api/tax-statements/{}/{}",
            "GET /api/notifications", "GET /api/notifications/stream", "GET /api/notification-preferences/{}",
            "PUT /api/notification-preferences/{}");

    private final Journeys journeys = new Journeys();

    @Test
    void theGatewayDocumentsEveryPublicPathOfTheContractInOneDocument() {
        Api.Response response = journeys.api.get("/v3/api-docs", null);
        assertThat(response.status()).isEqualTo(200);
        JsonNode document = response.json();
        assertThat(document.path("openapi").asText()).startsWith("3.");

        Set<String> documented = new HashSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> documented.add(method.toUpperCase() + " " + normalised(path.getKey()))));
        assertThat(documented).containsAll(API_MD.stream().map(OpenApiIT::normalised).toList());

        Api.Response page = journeys.api.send("GET", "/api-docs", null, null, null, java.util.Map.of("Accept", "text/html"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Rapport API").contains("/api/referrals/{referralId}/amendments");
    }

    /**
     * The portal's TypeScript types are generated from a committed copy of this document
     * ({@code gateway/src/main/frontend/openapi/rapport-api.json}); a copy older than the API fails here, so the
     * portal never compiles against shapes the services no longer answer. {@code -Dopenapi.refresh=true} (or
     * {@code OPENAPI_REFRESH=true}) writes the live document over the copy instead.
     */
    @Test
    void thePortalsCopyOfTheDocumentIsTheOneTheGatewayServes() throws IOException {
        Api.Response response = journeys.api.get("/v3/api-docs", null);
        assertThat(response.status()).isEqualTo(200);
        JsonNode live = response.json();
        Path snapshot = journeys.stack.options().projectRoot()
                .resolve("gateway/src/main/frontend/openapi/rapport-api.json");

        if (Boolean.getBoolean("openapi.refresh") || "true".equals(System.getenv("OPENAPI_REFRESH"))) {
            String pretty = Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(live);
            Files.writeString(snapshot, pretty + "\n", StandardCharsets.UTF_8);
            return;
        }
        assertThat(Files.exists(snapshot)).as("the portal's copy of the OpenAPI document %s", snapshot).isTrue();
        JsonNode committed = Api.JSON.readTree(snapshot.toFile());
        assertThat(committed)
                .as("%s differs from the gateway's /v3/api-docs: refresh it with "
                        + "mvn -o -pl local-stack failsafe:integration-test -Dit.test=OpenApiIT -Dopenapi.refresh=true "
                        + "(or OPENAPI_REFRESH=true), then rebuild the portal (npm run build) and commit both", snapshot)
                .isEqualTo(live);
    }

    /** {@code /api/invoices/{invoiceNumber}.pdf} and {@code /api/invoices/{id}} both read {@code /api/invoices/{}}. */
    private static String normalised(String path) {
        return path.replaceAll("\\{[^}]*}(\\.pdf)?", "{}");
    }
}
