package com.rapport.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.testsupport.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The gateway as it runs in the local stack (local profile, so the development users exist), on a real port, with
 * real MongoDB from TestInfrastructure and three real HTTP services to route to. Classes extending this share one
 * Spring context. Rate limits are generous here; tight ones are tested in their own context. The read timeout for
 * services is short, so that waiting for one to time out does not take long.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.gateway.server.webflux.httpclient.response-timeout="
                + GatewayIntegrationTest.READ_TIMEOUT)
@ActiveProfiles("local")
public abstract class GatewayIntegrationTest {

    protected static final RecordingService REFERRAL = RecordingService.start("referral");
    protected static final RecordingService COMMISSION = RecordingService.start("commission");
    protected static final RecordingService NOTIFICATION = RecordingService.start("notification");

    /** Shorter than RecordingService.SILENCE, so a test can see a service time out. */
    static final String READ_TIMEOUT = "1500ms";

    public static final String PROBLEM_BASE = "https://docs.rapport.example/problems/";

    @Autowired
    protected WebTestClient web;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.shared().register(registry, "rapport-gateway-it");
        registry.add("rapport.services.referral-uri", () -> REFERRAL.uri().toString());
        registry.add("rapport.services.commission-uri", () -> COMMISSION.uri().toString());
        registry.add("rapport.services.notification-uri", () -> NOTIFICATION.uri().toString());
    }

    protected WebTestClient client() {
        return web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    protected WebTestClient.ResponseSpec signIn(String username, String password) {
        return client().post().uri("/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange();
    }

    protected JsonNode tokens(String username, String password) {
        return Objects.requireNonNull(signIn(username, password)
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody());
    }

    protected String accessToken(String username, String password) {
        return tokens(username, password).path("accessToken").asText();
    }

    protected String admin() {
        return accessToken("admin", "admin-dev-password");
    }

    protected String ops() {
        return accessToken("ops", "ops-dev-password");
    }

    protected WebTestClient.ResponseSpec createUser(String token, Map<String, Object> user) {
        return client().post().uri("/auth/users")
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(user)
                .exchange();
    }

    /** A new login with a unique name; PARTNER logins get a partner the referral-service knows. */
    protected String newUser(String password, String role) {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> user = new HashMap<>(Map.of("username", username, "password", password,
                "roles", List.of(role)));
        if (role.equals("PARTNER")) {
            String partnerId = UUID.randomUUID().toString();
            REFERRAL.knowsPartner(partnerId);
            user.put("partnerId", partnerId);
        }
        createUser(admin(), user).expectStatus().isCreated();
        return username;
    }

    protected static String problem(String slug) {
        return PROBLEM_BASE + slug;
    }
}
