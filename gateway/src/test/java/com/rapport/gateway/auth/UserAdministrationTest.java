package com.rapport.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.gateway.GatewayIntegrationTest;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class UserAdministrationTest extends GatewayIntegrationTest {

    @Test
    void adminCreatesAPartnerLoginThatCanThenSignIn() {
        String username = unique("partner");
        String partnerId = knownPartner();

        JsonNode created = createUser(admin(), Map.of("username", username, "password", "long-enough-password",
                "roles", List.of("PARTNER"), "partnerId", partnerId))
                .expectStatus().isCreated()
                .expectHeader().location("/auth/users/" + username)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(created.path("username").asText()).isEqualTo(username);
        assertThat(created.path("roles")).hasSize(1);
        assertThat(created.path("partnerId").asText()).isEqualTo(partnerId);
        assertThat(created.toString()).doesNotContain("long-enough-password").doesNotContainIgnoringCase("hash");
        signIn(username, "long-enough-password").expectStatus().isOk();
    }

    @Test
    void opsCreatesPartnerLogins() {
        createUser(ops(), Map.of("username", unique("partner"), "password", "long-enough-password",
                "roles", List.of("PARTNER"), "partnerId", knownPartner()))
                .expectStatus().isCreated();
    }

    /** Separation of duties (issue 10 #7): OPS once created FINANCE logins (201). */
    @ParameterizedTest
    @ValueSource(strings = {"FINANCE", "OPS", "ADMIN"})
    void opsMayCreateNoStaffLogin(String role) {
        String username = unique("staff");

        createUser(ops(), Map.of("username", username, "password", "long-enough-password",
                "roles", List.of(role)))
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo(problem("forbidden"));
        signIn(username, "long-enough-password").expectStatus().isUnauthorized();
    }

    @Test
    void opsMayNotSlipAStaffRoleInBesidePartner() {
        createUser(ops(), Map.of("username", unique("mixed"), "password", "long-enough-password",
                "roles", List.of("PARTNER", "FINANCE"), "partnerId", knownPartner()))
                .expectStatus().isForbidden();
    }

    @Test
    void adminCreatesStaffLogins() {
        for (String role : List.of("OPS", "FINANCE", "ADMIN")) {
            createUser(admin(), Map.of("username", unique("staff"), "password", "long-enough-password",
                    "roles", List.of(role)))
                    .expectStatus().isCreated();
        }
    }

    @Test
    void aPasswordUnderEightCharactersIsA400NamingTheField() {
        createUser(admin(), Map.of("username", unique("short"), "password", "seven77", "roles", List.of("OPS")))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(problem("validation-failed"))
                .jsonPath("$.errors[0].field").isEqualTo("password");
    }

    @Test
    void aTakenUsernameIsA409WhateverItsCase() {
        String username = unique("twice");
        createUser(admin(), Map.of("username", username, "password", "long-enough-password",
                "roles", List.of("FINANCE"))).expectStatus().isCreated();

        createUser(admin(), Map.of("username", username.toUpperCase(), "password", "another-password",
                "roles", List.of("OPS")))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(problem("duplicate-username"));
        signIn(username, "another-password").expectStatus().isUnauthorized();
    }

    @Test
    void aPartnerLoginWithoutAPartnerIdIsA400() {
        createUser(admin(), Map.of("username", unique("nobody"), "password", "long-enough-password",
                "roles", List.of("PARTNER")))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(problem("validation-failed"))
                .jsonPath("$.errors[0].field").isEqualTo("partnerId");
    }

    @Test
    void aPartnerLoginForAPartnerTheReferralServiceDoesNotKnowIsA400() {
        createUser(admin(), Map.of("username", unique("ghost"), "password", "long-enough-password",
                "roles", List.of("PARTNER"), "partnerId", UUID.randomUUID().toString()))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("partnerId")
                .jsonPath("$.errors[0].message").isEqualTo("names no partner");
    }

    @Test
    void financeAndPartnersMayNotCreateUsers() {
        String finance = accessToken("finance", "finance-dev-password");

        createUser(finance, Map.of("username", unique("x"), "password", "long-enough-password",
                "roles", List.of("OPS")))
                .expectStatus().isForbidden();
    }

    @Test
    void creatingUsersNeedsAToken() {
        client().post().uri("/auth/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", unique("anon"), "password", "long-enough-password",
                        "roles", List.of("ADMIN")))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo(problem("unauthenticated"));
    }

    @Test
    void anUnknownRoleIsA400() {
        createUser(admin(), Map.of("username", unique("odd"), "password", "long-enough-password",
                "roles", List.of("SUPERUSER")))
                .expectStatus().isBadRequest();
    }

    @Test
    void theSameIdempotencyKeyAndRequestAnswerTheOriginalLoginAgain() {
        String username = unique("retry");
        Map<String, Object> request = Map.of("username", username, "password", "long-enough-password",
                "roles", List.of("OPS"));
        String key = UUID.randomUUID().toString();
        String admin = admin();

        JsonNode first = withKey(admin, key, request).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode again = withKey(admin, key, request).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectHeader().location("/auth/users/" + username)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(again).isEqualTo(first);
        // another caller's same key is a request of its own (here: the login is taken by then)
        withKey(ops(), key, Map.of("username", username, "password", "long-enough-password",
                "roles", List.of("PARTNER"), "partnerId", knownPartner()))
                .expectStatus().isEqualTo(409)
                .expectHeader().doesNotExist("Idempotent-Replayed")
                .expectBody().jsonPath("$.type").isEqualTo(problem("duplicate-username"));
        withKey(admin, key, Map.of("username", username, "password", "other-password-entirely",
                "roles", List.of("OPS")))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(problem("idempotency-key-reused"));
        withKey(admin, key, Map.of("username", unique("other"), "password", "long-enough-password",
                "roles", List.of("OPS")))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(problem("idempotency-key-reused"));
    }

    @Test
    void aKeyKeepsTheAnswerButNeitherTheRequestNorItsPassword(@Autowired ReactiveMongoTemplate mongo) {
        String key = UUID.randomUUID().toString();
        String password = "kept-nowhere-" + UUID.randomUUID();
        withKey(admin(), key, Map.of("username", unique("kept"), "password", password, "roles", List.of("OPS")))
                .expectStatus().isCreated();

        Document stored = mongo.findById("admin\n" + key, Document.class, "idempotency-keys").block();

        assertThat(stored).isNotNull();
        assertThat(stored.getString("fingerprint")).matches("[0-9a-f]{64}");
        assertThat(stored.toJson()).doesNotContain(password);
        assertThat(new String(stored.get("body", Binary.class).getData(), StandardCharsets.UTF_8))
                .doesNotContain(password).doesNotContain("$2a$");
    }

    @Test
    void aKeyedApiCallPassesThroughTheGatewayEveryTimeTheServiceKeepsItsOwnKeys() {
        String key = UUID.randomUUID().toString();
        String path = "/api/referrals/" + UUID.randomUUID() + "/notes";
        for (int i = 0; i < 2; i++) {
            client().post().uri(path).headers(h -> {
                        h.setBearerAuth(admin());
                        h.set("Idempotency-Key", key);
                    })
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("note", "n")).exchange()
                    .expectHeader().doesNotExist("Idempotent-Replayed");
        }
        assertThat(REFERRAL.received()).filteredOn(request -> path.equals(request.get("path")))
                .hasSize(2)
                .allSatisfy(request -> assertThat(((Map<?, ?>) request.get("headers")).get("idempotency-key"))
                        .isEqualTo(key));
    }

    @Test
    void staffCanReadALoginButNeverItsHash() {
        String username = newUser("long-enough-password", "FINANCE");

        String body = client().get().uri("/auth/users/" + username).headers(h -> h.setBearerAuth(ops()))
                .exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains(username).doesNotContain("$2a$").doesNotContainIgnoringCase("hash");
        client().get().uri("/auth/users/" + unique("missing")).headers(h -> h.setBearerAuth(ops()))
                .exchange().expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec withKey(String token, String key, Map<String, Object> body) {
        return client().post().uri("/auth/users")
                .headers(h -> {
                    h.setBearerAuth(token);
                    h.set("Idempotency-Key", key);
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static String knownPartner() {
        String partnerId = UUID.randomUUID().toString();
        REFERRAL.knowsPartner(partnerId);
        return partnerId;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
