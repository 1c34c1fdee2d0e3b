package com.rapport.support.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rapport.support.SecuredWebService;
import com.rapport.support.security.Caller;
import com.rapport.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 (hostile input): an id no resource can have ({@code ' OR '1'='1}, a right-to-left mark, overlong UTF-8)
 * used to reach controllers that create on PUT and store data under it. It is a 404 problem before any controller
 * runs; a plain id still reaches the controller, and an unauthenticated caller still gets 401.
 */
@SpringBootTest(classes = ImpossibleIdFilterTest.Service.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImpossibleIdFilterTest {

    private static final TestTokens TOKENS = TestTokens.shared();
    static final java.util.List<String> STORED = new java.util.concurrent.CopyOnWriteArrayList<>();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TOKENS.register(registry);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%27%20OR%20%271%27%3D%271", "%E2%80%AEabc", "%C0%AF", "%ED%A0%80", "%7B%22%24ne%22%3Anull%7D",
            "*", "%FF%FE", "a%20b"})
    void anImpossibleIdIsNotFoundAndNothingIsStored(String id) throws Exception {
        HttpResponse<String> response = put(id, TOKENS.ops());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = new ObjectMapper().readTree(response.body());
        assertThat(problem.path("type").asText()).endsWith("/problems/not-found");
        assertThat(STORED).isEmpty();
    }

    @Test
    void aPlainIdReachesTheController() throws Exception {
        assertThat(put("4f0c2a8e-1b7d-4c55-9d3e-2b1f0a9c7e11", TOKENS.ops()).statusCode()).isEqualTo(200);
        assertThat(put("SB-2026-000001.pdf", TOKENS.ops()).statusCode()).isEqualTo(200);
        STORED.clear();
    }

    @Test
    void withoutATokenItIsStillUnauthenticated() throws Exception {
        assertThat(put("%27%20OR%20%271%27%3D%271", null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> put(String id, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/items/" + id))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SecuredWebService
    @Import(Service.Items.class)
    static class Service {

        @RestController
        static class Items {

            @org.springframework.web.bind.annotation.PutMapping("/api/items/{id}")
            String item(@PathVariable String id, Caller caller) {
                STORED.add(id);
                return id;
            }
        }
    }
}
