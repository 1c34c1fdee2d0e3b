package com.rapport.commission.taxprofile;

import com.rapport.commission.CommissionServiceTestBase;
import com.rapport.commission.FixedBusinessDay;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

/** {@code /api/tax-profiles} over the whole service: validation, who may read and write, acceptance stamps. */
class TaxProfileIntegrationTest extends CommissionServiceTestBase {

    static Map<String, Object> profile(String legalName, String country, String vatId, boolean vatRegistered,
                                       boolean selfBillingAccepted) {
        Map<String, Object> address = new HashMap<>(Map.of("line1", "Hauptstrasse 1", "city", "Munich",
                "postalCode", "80331", "country", country));
        Map<String, Object> body = new HashMap<>(Map.of("legalName", legalName, "address", address,
                "vatRegistered", vatRegistered, "selfBillingAccepted", selfBillingAccepted));
        if (vatId != null) {
            body.put("vatId", vatId);
        }
        return body;
    }

    private void assertNoProfile(String partner) {
        as(TOKENS.finance()).get().uri("/api/tax-profiles/{p}", partner).exchange().expectStatus().isNotFound();
    }

    @Nested
    class Saving {

        @Test
        void keepsTheProfileWithANormalisedVatIdAndWhoAcceptedSelfBillingWhen() {
            String partner = newId();
            as(TOKENS.partner(partner)).put().uri("/api/tax-profiles/{p}", partner)
                    .bodyValue(profile("Partner GmbH", "DE", "de 123.456.789", true, true)).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.partnerId").isEqualTo(partner)
                    .jsonPath("$.legalName").isEqualTo("Partner GmbH")
                    .jsonPath("$.address.country").isEqualTo("DE")
                    .jsonPath("$.vatId").isEqualTo("DE123456789")
                    .jsonPath("$.selfBillingAccepted").isEqualTo(true)
                    .jsonPath("$.selfBillingAcceptedBy").isEqualTo("partner-" + partner)
                    .jsonPath("$.selfBillingAcceptedAt").isEqualTo(FixedBusinessDay.TODAY.toString());

            // FINANCE changes the address later: the acceptance stays the partner's
            as(TOKENS.finance()).put().uri("/api/tax-profiles/{p}", partner)
                    .bodyValue(profile("Partner GmbH", "DE", "DE123456789", true, true)).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.selfBillingAcceptedBy").isEqualTo("partner-" + partner);
            as(TOKENS.finance()).get().uri("/api/tax-profiles/{p}", partner).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.vatRegistered").isEqualTo(true);

            // withdrawing clears who and when
            as(TOKENS.partner(partner)).put().uri("/api/tax-profiles/{p}", partner)
                    .bodyValue(profile("Partner GmbH", "DE", null, false, false)).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.selfBillingAccepted").isEqualTo(false)
                    .jsonPath("$.selfBillingAcceptedBy").doesNotExist()
                    .jsonPath("$.vatId").doesNotExist();
        }
    }

    @Nested
    class RefusesBadInputAndChangesNothing {

        @Test
        void anUnknownCountryAndAVatIdNotInItsCountrysFormat() {
            String partner = newId();
            as(TOKENS.partner(partner)).put().uri("/api/tax-profiles/{p}", partner)
                    .bodyValue(profile("Partner GmbH", "XX", "DE12345", true, true)).exchange()
                    .expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.type").isEqualTo("https://docs.rapport.example/problems/validation-failed")
                    .jsonPath("$.errors[?(@.field == 'address.country')]").exists()
                    .jsonPath("$.errors[?(@.field == 'vatId')]").exists();
            as(TOKENS.partner(partner)).put().uri("/api/tax-profiles/{p}", partner)
                    .bodyValue(profile("Dupont SARL", "FR", "FR123456789", true, true)).exchange()
                    .expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo("vatId");
            assertNoProfile(partner);
        }

        @Test
        void aMissingLegalNameOrAddress() {
            String partner = newId();
            Map<String, Object> noName = profile(" ", "DE", null, false, true);
            as(TOKENS.partner(partner)).put().uri("/api/tax-profiles/{p}", partner).bodyValue(noName).exchange()
                    .expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.errors[?(@.field == 'legalName')]").exists();
            Map<String, Object> noAddress = profile("Partner GmbH", "DE", null, false, true);
            noAddress.remove("address");
            as(TOKENS.partner(partner)).put().uri("/api/tax-profiles/{p}", partner).bodyValue(noAddress).exchange()
                    .expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.errors[?(@.field == 'address')]").exists();
            assertNoProfile(partner);
        }

        @Test
        void vatRegisteredWithoutAVatId() {
            String partner = newId();
            as(TOKENS.partner(partner)).put().uri("/api/tax-profiles/{p}", partner)
                    .bodyValue(profile("Partner GmbH", "DE", null, true, true)).exchange()
                    .expectStatus().isBadRequest();
            assertNoProfile(partner);
        }
    }

    @Nested
    class Access {

        @Test
        void anotherPartnerIsTold404AndOps403AndNothingChanges() {
            String partner = newId();
            as(TOKENS.partner(newId())).put().uri("/api/tax-profiles/{p}", partner)
                    .bodyValue(profile("Partner GmbH", "DE", null, false, true)).exchange()
                    .expectStatus().isNotFound();
            as(TOKENS.ops()).put().uri("/api/tax-profiles/{p}", partner)
                    .bodyValue(profile("Partner GmbH", "DE", null, false, true)).exchange()
                    .expectStatus().isForbidden();
            assertNoProfile(partner);

            as(TOKENS.partner(partner)).put().uri("/api/tax-profiles/{p}", partner)
                    .bodyValue(profile("Partner GmbH", "DE", null, false, true)).exchange().expectStatus().isOk();
            as(TOKENS.partner(newId())).get().uri("/api/tax-profiles/{p}", partner).exchange()
                    .expectStatus().isNotFound();
            as(TOKENS.ops()).get().uri("/api/tax-profiles/{p}", partner).exchange().expectStatus().isForbidden();
            web.get().uri("/api/tax-profiles/{p}", partner).exchange().expectStatus().isUnauthorized();
        }
    }
}
