package com.rapport.referral.referral.claim;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.referral.support.Api;
import com.rapport.referral.support.ReferralServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.rapport.referral.support.Api.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The conflict rules of API.md, whoever refers the client. */
class DuplicateReferralTest extends ReferralServiceIntegrationTest {

    private static final Duration CLAIM_PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private MongoTemplate mongo;

    @Test
    void theSameCompanyWrittenDifferentlyIsADuplicateForAnyPartner() {
        String marker = Api.unique();
        api.post("/api/referrals", tokens.partner(api.registerPartner("One")),
                Api.referralFor("Acme " + marker + " Ltd", "a-" + marker + "@acme.example"), HttpStatus.CREATED);
        JsonNode refused = api.post("/api/referrals", tokens.partner(api.registerPartner("Two")),
                Api.referralFor("  ACME   " + marker.toUpperCase() + "\tltd ", "b-" + marker + "@acme.example"),
                HttpStatus.CONFLICT);
        assertProblem(refused, 409, "duplicate-referral");
        assertThat(refused.get("detail").asText()).contains("180 days");
    }

    @Test
    void theSameContactEmailInAnotherCaseIsADuplicate() {
        String marker = Api.unique();
        String partner = api.registerPartner("Mail");
        api.post("/api/referrals", tokens.partner(partner),
                Api.referralFor("Alpha " + marker, "li-" + marker + "@client.example"), HttpStatus.CREATED);
        assertProblem(api.post("/api/referrals", tokens.ops(), withPartner(Api.referralFor("Beta " + marker,
                        "LI-" + marker + "@Client.Example"), api.registerPartner("Other")), HttpStatus.CONFLICT),
                409, "duplicate-referral");
    }

    @Test
    void aRejectedReferralStillBlocksItsClientWithinTheWindow() {
        String marker = Api.unique();
        String partner = api.registerPartner("Rejected");
        String referral = api.post("/api/referrals", tokens.partner(partner),
                Api.referralFor("Gamma " + marker, "g-" + marker + "@client.example"), HttpStatus.CREATED)
                .get("referralId").asText();
        api.post("/api/referrals/" + referral + "/reject", tokens.ops(), Map.of("reason", "no"), HttpStatus.OK);
        assertProblem(api.post("/api/referrals", tokens.partner(partner),
                Api.referralFor("Gamma " + marker, "other-" + marker + "@client.example"), HttpStatus.CONFLICT),
                409, "duplicate-referral");
    }

    @Test
    void aRejectedOrLostReferralClosesItsClaims() {
        String marker = Api.unique();
        String partner = api.registerPartner("Closing");
        String rejected = api.post("/api/referrals", tokens.partner(partner),
                Api.referralFor("Delta " + marker, "d-" + marker + "@client.example"), HttpStatus.CREATED)
                .get("referralId").asText();
        String lost = api.post("/api/referrals", tokens.partner(partner),
                Api.referralFor("Epsilon " + marker, "e-" + marker + "@client.example"), HttpStatus.CREATED)
                .get("referralId").asText();
        assertThat(claim("company:delta " + marker).closedAt()).isNull();

        api.post("/api/referrals/" + rejected + "/reject", tokens.ops(), Map.of("reason", "no"), HttpStatus.OK);
        api.post("/api/referrals/" + lost + "/lose", tokens.ops(), Map.of("reason", "gone"), HttpStatus.OK);

        await().atMost(CLAIM_PATIENCE).untilAsserted(() -> {
            assertThat(claim("company:delta " + marker).closedAt()).isNotNull();
            assertThat(claim("email:d-" + marker + "@client.example").closedAt()).isNotNull();
            assertThat(claim("company:epsilon " + marker).closedAt()).isNotNull();
            assertThat(claim("email:e-" + marker + "@client.example").referralId()).isEqualTo(lost);
        });
    }

    @Test
    void aClaimLeftByACrashedSubmissionIsTakenOverOnceTheGracePeriodIsOver() {
        String marker = Api.unique();
        // a process killed between claiming and storing the referral: the claim names a referral that never existed
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        mongo.insert(new ClientClaim("company:crashed " + marker, "ghost-" + marker, longAgo, null));
        mongo.insert(new ClientClaim("email:c-" + marker + "@client.example", "ghost-" + marker, longAgo, null));

        String referral = api.post("/api/referrals", tokens.partner(api.registerPartner("After crash")),
                Api.referralFor("Crashed " + marker, "c-" + marker + "@client.example"), HttpStatus.CREATED)
                .get("referralId").asText();

        assertThat(claim("company:crashed " + marker).referralId()).isEqualTo(referral);
        assertThat(claim("email:c-" + marker + "@client.example").referralId()).isEqualTo(referral);
        assertProblem(api.post("/api/referrals", tokens.partner(api.registerPartner("Late")),
                Api.referralFor("Crashed " + marker, "other-" + marker + "@client.example"), HttpStatus.CONFLICT),
                409, "duplicate-referral");
    }

    @Test
    void aFreshClaimOfAReferralNotYetStoredStillBlocks() {
        String marker = Api.unique();
        // a submission still under way on another instance: its referral is not stored yet
        mongo.insert(new ClientClaim("company:underway " + marker, "in-flight-" + marker, Instant.now(), null));
        assertProblem(api.post("/api/referrals", tokens.partner(api.registerPartner("Second")),
                Api.referralFor("Underway " + marker, "u-" + marker + "@client.example"), HttpStatus.CONFLICT),
                409, "duplicate-referral");
    }

    @Test
    void anOldClaimOfAReferralThatExistsStillBlocks() {
        String marker = Api.unique();
        String partner = api.registerPartner("Old");
        String referral = api.post("/api/referrals", tokens.partner(partner),
                Api.referralFor("Aged " + marker, "a-" + marker + "@client.example"), HttpStatus.CREATED)
                .get("referralId").asText();
        mongo.save(new ClientClaim("company:aged " + marker, referral, Instant.now().minus(Duration.ofDays(1)), null));
        assertProblem(api.post("/api/referrals", tokens.partner(partner),
                Api.referralFor("Aged " + marker, "b-" + marker + "@client.example"), HttpStatus.CONFLICT),
                409, "duplicate-referral");
    }

    private ClientClaim claim(String key) {
        return mongo.findById(key, ClientClaim.class);
    }

    @Test
    void referringYourOwnAddressIsASelfReferralAndClaimsNothing() {
        String marker = Api.unique();
        String email = "me-" + marker + "@partner.example";
        String partner = api.registerPartner("Self", email, null);
        assertProblem(api.post("/api/referrals", tokens.partner(partner),
                Api.referralFor("Self " + marker, email.toUpperCase()), HttpStatus.CONFLICT), 409, "self-referral");
        // the refused submission did not hold the company name
        api.post("/api/referrals", tokens.partner(partner),
                Api.referralFor("Self " + marker, "client-" + marker + "@client.example"), HttpStatus.CREATED);
    }

    @Test
    void aPartnerSubmitsOnlyForItselfAndOperationsMustNameThePartner() {
        String marker = Api.unique();
        String partner = api.registerPartner("Own");
        assertProblem(api.post("/api/referrals", tokens.partner(partner),
                withPartner(Api.referralFor("Own " + marker, "o-" + marker + "@c.example"), "someone-else"),
                HttpStatus.FORBIDDEN), 403, "forbidden");
        JsonNode missing = api.post("/api/referrals", tokens.ops(),
                Api.referralFor("Own " + marker, "o-" + marker + "@c.example"), HttpStatus.BAD_REQUEST);
        assertProblem(missing, 400, "validation-failed");
        assertThat(missing.get("errors").get(0).get("field").asText()).isEqualTo("partnerId");
        assertProblem(api.post("/api/referrals", tokens.ops(),
                withPartner(Api.referralFor("Own " + marker, "o-" + marker + "@c.example"), "no-such-partner"),
                HttpStatus.BAD_REQUEST), 400, "unknown-partner");
        JsonNode byOps = api.post("/api/referrals", tokens.ops(),
                withPartner(Api.referralFor("Own " + marker, "o-" + marker + "@c.example"), partner),
                HttpStatus.CREATED);
        assertThat(byOps.get("partnerId").asText()).isEqualTo(partner);
    }

    private static Map<String, Object> withPartner(Map<String, Object> body, String partnerId) {
        body.put("partnerId", partnerId);
        return body;
    }
}
