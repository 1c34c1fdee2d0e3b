package com.rapport.referral.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.referral.support.Api;
import com.rapport.referral.support.ReferralServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.util.Map;

import static com.rapport.referral.support.Api.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class PartnerRegistrationTest extends ReferralServiceIntegrationTest {

    @Test
    void aRegisteredPartnerIsAnsweredAsTheReadModelShowsIt() {
        String email = "ada-" + Api.unique() + "@partner.example";
        JsonNode partner = api.post("/api/partners", tokens.ops(),
                Map.of("name", "Ada", "email", email, "language", "zh"), HttpStatus.CREATED);
        assertThat(partner.get("partnerId").asText()).isNotBlank();
        assertThat(partner.get("name").asText()).isEqualTo("Ada");
        assertThat(partner.get("email").asText()).isEqualTo(email);
        assertThat(partner.get("language").asText()).isEqualTo("zh");
        assertThat(partner.get("parentPartnerId").isNull()).isTrue();
        assertThat(partner.get("createdAt").asText()).endsWith("Z");
    }

    @Test
    void aPartnerIntroducedByAnExistingPartnerRemembersItsIntroducer() {
        String parent = api.registerPartner("Parent");
        String child = api.registerPartner("Child", "child-" + Api.unique() + "@partner.example", parent);
        assertThat(api.get("/api/partners/" + child, tokens.ops(), HttpStatus.OK).get("parentPartnerId").asText())
                .isEqualTo(parent);
    }

    @Test
    void anIntroducerThatDoesNotExistIsABadRequestAndRegistersNobody() {
        long before = total();
        JsonNode refused = api.post("/api/partners", tokens.ops(), Map.of("name", "Orphan", "email",
                "orphan@partner.example", "language", "en", "parentPartnerId", "no-such-partner"),
                HttpStatus.BAD_REQUEST);
        assertProblem(refused, 400, "unknown-partner");
        assertThat(refused.get("errors").get(0).get("field").asText()).isEqualTo("parentPartnerId");
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void onlyOperationsRegistersPartners() {
        assertProblem(api.post("/api/partners", tokens.finance(), Map.of("name", "X", "email", "x@partner.example",
                "language", "en"), HttpStatus.FORBIDDEN), 403, "forbidden");
        assertProblem(api.post("/api/partners", tokens.partner("p"), Map.of("name", "X", "email",
                "x@partner.example", "language", "en"), HttpStatus.FORBIDDEN), 403, "forbidden");
    }

    @Test
    void staffListPartnersPageByPage() {
        api.registerPartner("Listed 1");
        api.registerPartner("Listed 2");
        JsonNode first = api.get("/api/partners?page=0&size=1", tokens.finance(), HttpStatus.OK);
        assertThat(first.get("items")).hasSize(1);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(1);
        assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode second = api.get("/api/partners?page=1&size=1", tokens.ops(), HttpStatus.OK);
        assertThat(second.get("items").get(0).get("partnerId")).isNotEqualTo(first.get("items").get(0).get("partnerId"));
        assertProblem(api.get("/api/partners", tokens.partner("p"), HttpStatus.FORBIDDEN), 403, "forbidden");
        assertProblem(api.get("/api/partners?size=0", tokens.ops(), HttpStatus.BAD_REQUEST), 400,
                "validation-failed");
    }

    @Test
    void aPartnerReadsItselfAsMeAndNobodyElse() {
        String partner = api.registerPartner("Myself");
        String other = api.registerPartner("Other");
        assertThat(api.get("/api/partners/me", tokens.partner(partner), HttpStatus.OK).get("partnerId").asText())
                .isEqualTo(partner);
        assertProblem(api.get("/api/partners/" + other, tokens.partner(partner), HttpStatus.NOT_FOUND), 404,
                "not-found");
        assertProblem(api.get("/api/partners/me", tokens.ops(), HttpStatus.FORBIDDEN), 403, "forbidden");
    }

    private long total() {
        return api.get("/api/partners?size=1", tokens.ops(), HttpStatus.OK).get("total").asLong();
    }
}
