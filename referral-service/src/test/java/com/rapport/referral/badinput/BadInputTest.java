package com.rapport.referral.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rapport.referral.badinput.BadInputCases.BadInput;
import com.rapport.referral.support.Api;
import com.rapport.referral.support.ReferralServiceIntegrationTest;
import com.rapport.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.rapport.referral.support.Api.money;
import static org.assertj.core.api.Assertions.assertThat;

/** Sends every row of {@link BadInputCases} to the service and checks the answer and that nothing changed. */
class BadInputTest extends ReferralServiceIntegrationTest {

    private static final int MINIMUM_CASES = 60;

    /** The placeholders of the table, set up once for the whole class. */
    private static Map<String, String> fixture;

    @BeforeEach
    void setUpFixtureOnce() {
        if (fixture != null) {
            return;
        }
        String marker = Api.unique();
        String partnerEmail = "table-partner-" + marker + "@partner.example";
        String partner = api.registerPartner("Table partner", partnerEmail, null);
        String otherPartner = api.registerPartner("Other table partner");
        String submitted = api.post("/api/referrals", tokens.partner(partner),
                Api.referralFor("Table " + marker, "table-" + marker + "@client.example"), HttpStatus.CREATED)
                .get("referralId").asText();
        String contracted = api.submitReferral(partner);
        api.post("/api/referrals/" + contracted + "/qualify", tokens.ops(), null, HttpStatus.OK);
        api.post("/api/referrals/" + contracted + "/contract", tokens.ops(),
                Map.of("contractValue", money("1000.00", "EUR"), "signedAt", "2026-11-01T00:00:00Z"), HttpStatus.OK);
        fixture = Map.of("{marker}", marker, "{partner}", partner, "{partnerEmail}", partnerEmail,
                "{otherPartner}", otherPartner, "{submitted}", submitted, "{contracted}", contracted);
    }

    static List<BadInput> cases() {
        return BadInputCases.all();
    }

    @Test
    void theTableCoversAtLeastSixtyRequests() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(MINIMUM_CASES);
        assertThat(cases()).extracting(BadInput::name).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadRequestGetsItsProblemAndChangesNothing(BadInput bad) {
        State before = state();

        EntityExchangeResult<byte[]> answer = send(bad);

        assertThat(answer.getStatus().value()).as("status of " + bad.name()).isEqualTo(bad.status());
        assertThat(answer.getResponseHeaders().getContentType()).as("content type")
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = Api.json(parse(answer.getResponseBody()));
        assertThat(problem.get("type").asText()).as("problem type").endsWith("/problems/" + bad.problemSlug());
        assertThat(problem.get("status").asInt()).isEqualTo(bad.status());
        assertThat(problem.hasNonNull("title")).isTrue();
        assertThat(problem.hasNonNull("detail")).isTrue();
        assertThat(state()).as("state after " + bad.name()).isEqualTo(before);
    }

    private EntityExchangeResult<byte[]> send(BadInput bad) {
        WebTestClient.RequestBodySpec request = web.method(HttpMethod.valueOf(bad.method()))
                .uri(resolve(bad.path()))
                .headers(headers -> {
                    String token = tokenOf(bad.caller());
                    if (token != null) {
                        headers.setBearerAuth(token);
                    }
                });
        if (bad.contentType() != null) {
            request.contentType(MediaType.parseMediaType(bad.contentType()));
        }
        WebTestClient.RequestHeadersSpec<?> ready = bad.body() == null ? request
                : request.bodyValue(resolve(bad.body()).getBytes(StandardCharsets.UTF_8));
        return ready.exchange().expectBody(byte[].class).returnResult();
    }

    private String tokenOf(String caller) {
        return switch (caller) {
            case "ops" -> tokens.ops();
            case "finance" -> tokens.finance();
            case "partner" -> tokens.partner(fixture.get("{partner}"));
            case "otherPartner" -> tokens.partner(fixture.get("{otherPartner}"));
            case "none" -> null;
            case "wrongIssuer" -> tokens.sign("ops", List.of("OPS"), null, "http://elsewhere.example",
                    Instant.now().plusSeconds(600));
            case "expired" -> tokens.sign("ops", List.of("OPS"), null, TestTokens.ISSUER,
                    Instant.now().minusSeconds(600));
            default -> throw new IllegalArgumentException("unknown caller " + caller);
        };
    }

    private static String resolve(String text) {
        String resolved = text;
        for (Map.Entry<String, String> placeholder : fixture.entrySet()) {
            resolved = resolved.replace(placeholder.getKey(), placeholder.getValue());
        }
        return resolved;
    }

    private static Object parse(byte[] body) {
        try {
            return new ObjectMapper().readValue(body, Object.class);
        } catch (IOException e) {
            throw new AssertionError("the answer is not JSON: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }

    /** Everything a bad request could have changed. */
    private record State(long partners, long referrals, JsonNode submitted, JsonNode contracted) {
    }

    private State state() {
        return new State(
                api.get("/api/partners?size=1", tokens.ops(), HttpStatus.OK).get("total").asLong(),
                api.get("/api/referrals?size=1", tokens.ops(), HttpStatus.OK).get("total").asLong(),
                api.get("/api/referrals/" + fixture.get("{submitted}"), tokens.ops(), HttpStatus.OK),
                api.get("/api/referrals/" + fixture.get("{contracted}"), tokens.ops(), HttpStatus.OK));
    }
}
