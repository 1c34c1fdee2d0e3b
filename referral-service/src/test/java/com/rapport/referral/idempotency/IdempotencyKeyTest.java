package com.rapport.referral.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.referral.support.Api;
import com.rapport.referral.support.ReferralServiceIntegrationTest;
import com.rapport.support.idempotency.IdempotencyKeyFilter;
import com.rapport.referral.referral.query.ReferralView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import java.util.Map;
import java.util.regex.Pattern;

import static com.rapport.referral.support.Api.assertProblem;
import static com.rapport.referral.support.Api.money;
import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyKeyTest extends ReferralServiceIntegrationTest {

    @Autowired
    private MongoTemplate mongo;

    @Test
    void theSameKeyAndBodyGetTheFirstAnswerAndRegisterNobodyNew() {
        String key = "register-" + Api.unique();
        String body = "{\"name\": \"Once\", \"email\": \"once-%s@partner.example\", \"language\": \"en\"}"
                .formatted(key);
        EntityExchangeResult<JsonNode> first = post("/api/partners", tokens.ops(), key, body);
        long total = partners();
        // the same content with other spacing and key order is the same request
        EntityExchangeResult<JsonNode> second = post("/api/partners", tokens.ops(), key,
                "{\"language\":\"en\",\"email\":\"once-%s@partner.example\",\"name\":\"Once\"}".formatted(key));

        assertThat(first.getStatus().value()).isEqualTo(201);
        assertThat(second.getStatus().value()).isEqualTo(201);
        assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(second.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(partners()).isEqualTo(total);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndChangesNothing() {
        String key = "register-" + Api.unique();
        post("/api/partners", tokens.ops(), key,
                "{\"name\": \"A\", \"email\": \"a-%s@partner.example\", \"language\": \"en\"}".formatted(key));
        long total = partners();
        EntityExchangeResult<JsonNode> reused = post("/api/partners", tokens.ops(), key,
                "{\"name\": \"B\", \"email\": \"b-%s@partner.example\", \"language\": \"en\"}".formatted(key));
        assertThat(reused.getStatus().value()).isEqualTo(409);
        assertProblem(reused.getResponseBody(), 409, "idempotency-key-reused");
        assertThat(partners()).isEqualTo(total);
    }

    @Test
    void aRetriedSubmissionWithItsKeyIsNotADuplicate() {
        String partner = api.registerPartner("Retry");
        String marker = Api.unique();
        String body = "{\"client\": {\"company\": \"Retry %s\", \"contactName\": \"Li\", \"contactEmail\": \"r-%s@c.example\"}, \"description\": \"d\"}"
                .formatted(marker, marker);
        JsonNode first = post("/api/referrals", tokens.partner(partner), "submit-" + marker, body).getResponseBody();
        EntityExchangeResult<JsonNode> retried = post("/api/referrals", tokens.partner(partner), "submit-" + marker,
                body);
        assertThat(retried.getStatus().value()).isEqualTo(201);
        assertThat(retried.getResponseBody().get("referralId")).isEqualTo(first.get("referralId"));
        assertThat(api.get("/api/referrals", tokens.partner(partner), HttpStatus.OK).get("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void aRetryThatFindsItsReferralStoredButNotYetReadableCatchesItUpFromTheEventStore() {
        String partner = api.registerPartner("Unread");
        String marker = Api.unique();
        String key = "submit-" + marker;
        String body = "{\"client\": {\"company\": \"Unread %s\", \"contactName\": \"Li\", \"contactEmail\": \"u-%s@c.example\"}, \"description\": \"d\"}"
                .formatted(marker, marker);
        String referral = post("/api/referrals", tokens.partner(partner), key, body).getResponseBody()
                .get("referralId").asText();
        // the first attempt's process was killed after its events were stored and before its read-model write landed
        // (FaultUnderLoadIT got an empty 200 once, later a 503 for as long as no rebuild ran)
        Query theReferral = Query.query(Criteria.where("_id").is(referral));
        mongo.remove(theReferral, ReferralView.COLLECTION);
        mongo.remove(Query.query(Criteria.where("_id").regex("\\n" + Pattern.quote(key) + "$")), "idempotency-keys");

        EntityExchangeResult<JsonNode> retried = post("/api/referrals", tokens.partner(partner), key, body);
        assertThat(retried.getStatus().value()).isEqualTo(201);
        assertThat(retried.getResponseBody().get("referralId").asText()).isEqualTo(referral);
        assertThat(retried.getResponseBody().at("/client/company").asText()).isEqualTo("Unread " + marker);
        assertThat(retried.getResponseHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(api.get("/api/referrals", tokens.partner(partner), HttpStatus.OK).get("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = "shared-" + Api.unique();
        String mine = api.registerPartner("Mine");
        String theirs = api.registerPartner("Theirs");
        String body = "{\"client\": {\"company\": \"Keyed %s\", \"contactName\": \"Li\", \"contactEmail\": \"%s@c.example\"}, \"description\": \"d\"}";
        assertThat(post("/api/referrals", tokens.partner(mine), key, body.formatted(key, key)).getStatus().value())
                .isEqualTo(201);
        EntityExchangeResult<JsonNode> other = post("/api/referrals", tokens.partner(theirs), key,
                body.formatted(key + "-2", key + "-2"));
        assertThat(other.getStatus().value()).isEqualTo(201);
        assertThat(other.getResponseHeaders().getFirst("Idempotent-Replayed")).isNull();
    }

    @Test
    void aRefusedRequestIsAnsweredTheSameWayAgain() {
        String key = "refused-" + Api.unique();
        String payment = "{\"paymentId\": \"p\", \"amount\": {\"amount\": \"1.00\", \"currency\": \"EUR\"}, \"kind\": \"DEPOSIT\", \"receivedAt\": \"2026-11-20T10:00:00Z\"}";
        String referral = api.submitReferral(api.registerPartner("Refused"));
        EntityExchangeResult<JsonNode> first = post("/api/referrals/" + referral + "/payments", tokens.ops(), key,
                payment);
        EntityExchangeResult<JsonNode> again = post("/api/referrals/" + referral + "/payments", tokens.ops(), key,
                payment);
        assertThat(first.getStatus().value()).isEqualTo(409);
        assertThat(again.getStatus().value()).isEqualTo(409);
        assertThat(again.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertProblem(again.getResponseBody(), 409, "illegal-transition");
    }

    @Test
    void aPaymentRetriedWithItsKeyIsRecordedOnce() {
        String referral = api.submitReferral(api.registerPartner("Pay"));
        api.post("/api/referrals/" + referral + "/qualify", tokens.ops(), null, HttpStatus.OK);
        api.post("/api/referrals/" + referral + "/contract", tokens.ops(), Map.of("contractValue",
                money("100.00", "EUR"), "signedAt", "2026-11-01T00:00:00Z"), HttpStatus.OK);
        String key = "pay-" + Api.unique();
        String payment = "{\"paymentId\": \"p1\", \"amount\": {\"amount\": \"10.00\", \"currency\": \"EUR\"}, \"kind\": \"DEPOSIT\", \"receivedAt\": \"2026-11-20T10:00:00Z\"}";
        assertThat(post("/api/referrals/" + referral + "/payments", tokens.ops(), key, payment).getStatus().value())
                .isEqualTo(201);
        EntityExchangeResult<JsonNode> again = post("/api/referrals/" + referral + "/payments", tokens.ops(), key,
                payment);
        assertThat(again.getStatus().value()).isEqualTo(201);
        assertThat(again.getResponseBody().get("cashReceived").get("amount").asText()).isEqualTo("10.00");
    }

    @Test
    void anOverlongKeyIsRefused() {
        assertProblem(post("/api/partners", tokens.ops(), "k".repeat(256), "{}").getResponseBody(), 400,
                "malformed-request");
    }

    private EntityExchangeResult<JsonNode> post(String path, String token, String key, String json) {
        return web.post().uri(path)
                .headers(headers -> headers.setBearerAuth(token))
                .header(IdempotencyKeyFilter.HEADER, key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectBody(JsonNode.class).returnResult();
    }

    private long partners() {
        return api.get("/api/partners?size=1", tokens.ops(), HttpStatus.OK).get("total").asLong();
    }
}
