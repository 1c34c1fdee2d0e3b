package com.rapport.referral.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rapport.testsupport.TestTokens;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The calls a test makes again and again, as a user of the API would make them. */
public final class Api {

    private final WebTestClient web;
    private final TestTokens tokens;

    public Api(WebTestClient web, TestTokens tokens) {
        this.web = web;
        this.tokens = tokens;
    }

    /** A unique marker so that tests sharing one database and topic never meet each other's data. */
    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public String registerPartner(String name) {
        return registerPartner(name, name.toLowerCase().replaceAll("\\W", "") + "-" + unique() + "@partner.example",
                null);
    }

    public String registerPartner(String name, String email, String parentPartnerId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("email", email);
        body.put("language", "en");
        if (parentPartnerId != null) {
            body.put("parentPartnerId", parentPartnerId);
        }
        JsonNode partner = post("/api/partners", tokens.ops(), body, HttpStatus.CREATED);
        return partner.get("partnerId").asText();
    }

    public static Map<String, Object> referralFor(String company, String contactEmail) {
        return new LinkedHashMap<>(Map.of(
                "client", Map.of("company", company, "contactName", "Li Wei", "contactEmail", contactEmail),
                "description", "Mini-program for a retail chain",
                "estimatedValue", Map.of("amount", "80000", "currency", "CNY")));
    }

    /** A referral for a client nobody else uses, submitted by the partner itself. */
    public String submitReferral(String partnerId) {
        String marker = unique();
        JsonNode referral = post("/api/referrals", tokens.partner(partnerId),
                referralFor("Client " + marker + " Ltd", "contact-" + marker + "@client.example"), HttpStatus.CREATED);
        return referral.get("referralId").asText();
    }

    public JsonNode post(String path, String token, Object body, HttpStatus expected) {
        WebTestClient.RequestBodySpec request = web.post().uri(path)
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON);
        WebTestClient.ResponseSpec response = body == null ? request.exchange() : request.bodyValue(body).exchange();
        return response.expectStatus().isEqualTo(expected)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    public JsonNode put(String path, String token, Object body, HttpStatus expected) {
        return web.put().uri(path)
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(expected)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    public JsonNode get(String path, String token, HttpStatus expected) {
        return web.get().uri(path)
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isEqualTo(expected)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    public static Map<String, Object> money(String amount, String currency) {
        return Map.of("amount", amount, "currency", currency);
    }

    public static JsonNode json(Object value) {
        return new ObjectMapper().valueToTree(value);
    }

    public static void assertProblem(JsonNode problem, int status, String slug) {
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).endsWith("/problems/" + slug);
    }
}
