package com.rapport.support.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rapport.support.SecuredWebService;
import com.rapport.support.security.Caller;
import com.rapport.testsupport.TestTokens;
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
 * Issue 10 (hostile input): ids with an encoded slash, dot, NUL or line break are refused by Spring Security's
 * firewall before any controller runs. That refusal used to be a bare 400 with no body; it must be a problem like
 * every other error.
 */
@SpringBootTest(classes = FirewallRefusalTest.Service.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FirewallRefusalTest {

    private static final TestTokens TOKENS = TestTokens.shared();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TOKENS.register(registry);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..%2F..%2Fetc%2Fpasswd", "%2e%2e", "%00", "%0D%0ASet-Cookie%3A%20x%3D1",
            "%252e%252e%252fetc"})
    void aRefusedPathIsAMalformedRequestProblem(String id) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/items/" + id))
                        .header("Authorization", "Bearer " + TOKENS.ops()).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = new ObjectMapper().readTree(response.body());
        assertThat(problem.path("type").asText()).endsWith("/problems/malformed-request");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @SecuredWebService
    @Import(Service.Items.class)
    static class Service {

        @RestController
        static class Items {

            @GetMapping("/items/{id}")
            String item(@PathVariable String id, Caller caller) {
                return id;
            }
        }
    }
}
