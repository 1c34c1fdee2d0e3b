package com.rapport.support.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rapport.support.problem.ProblemConfiguration;
import com.rapport.support.security.Caller;
import com.rapport.support.security.ResourceServerSecurityConfiguration;
import com.rapport.support.time.ClockConfiguration;
import com.rapport.testsupport.FreePorts;
import com.rapport.testsupport.MongoServerHandle;
import com.rapport.testsupport.MovableClock;
import com.rapport.testsupport.TestTokens;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.data.mongo.MongoReactiveDataAutoConfiguration;
import org.springframework.boot.autoconfigure.http.codec.CodecsAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoReactiveAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.reactive.ReactiveSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.HttpHandlerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.ReactiveWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.WebFluxAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one {@code Idempotency-Key} mechanism, through HTTP against a real server and a MongoDB-protocol server: an
 * effect counter per endpoint shows what ran.
 */
@SpringBootTest(classes = IdempotencyKeyFilterTest.Service.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rapport.idempotency.routes=POST /api/items/**",
                "rapport.idempotency.fingerprint-key=" + IdempotencyKeyFilterTest.FINGERPRINT_KEY})
class IdempotencyKeyFilterTest {

    static final String FINGERPRINT_KEY = "fingerprint-secret-of-this-test";
    private static final TestTokens TOKENS = TestTokens.shared();
    private static final MongoServerHandle MONGO = MongoServerHandle.inMemory(FreePorts.next());
    private static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    static final AtomicInteger CREATED = new AtomicInteger();
    static final AtomicInteger OTHERS = new AtomicInteger();
    static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
    static final AtomicInteger FAILED_ATTEMPTS = new AtomicInteger();
    static final AtomicInteger HANGS_LEFT = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    OpenApiCustomizer documentation;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TOKENS.register(registry);
        registry.add("spring.data.mongodb.uri", () -> MONGO.uri("idempotency-test"));
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Nested
    class TheSameKeyAndRequest {

        @Test
        void getTheFirstAnswerAgainAndTakeEffectOnce() throws Exception {
            String key = key();
            int before = CREATED.get();
            HttpResponse<String> first = post("/api/items", TOKENS.ops(), key, "{\"name\": \"Lamp\", \"count\": 2}");
            // the same content with other spacing and key order is the same request
            HttpResponse<String> again = post("/api/items", TOKENS.ops(), key, "{\"count\":2,\"name\":\"Lamp\"}");

            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(again.statusCode()).isEqualTo(201);
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
            assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
            assertThat(CREATED.get()).isEqualTo(before + 1);
        }

        @Test
        void refusedTheFirstTimeAreRefusedTheSameWayAgain() throws Exception {
            String key = key();
            HttpResponse<String> first = post("/api/items", TOKENS.ops(), key, "{\"name\": \"\"}");
            HttpResponse<String> again = post("/api/items", TOKENS.ops(), key, "{\"name\": \"\"}");

            assertThat(first.statusCode()).isEqualTo(422);
            assertThat(again.statusCode()).isEqualTo(422);
            assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        }
    }

    @Test
    void theSameKeyWithAnotherRequestIsA409AndTakesNoEffect() throws Exception {
        String key = key();
        post("/api/items", TOKENS.ops(), key, "{\"name\": \"Lamp\"}");
        int before = CREATED.get();

        HttpResponse<String> reused = post("/api/items", TOKENS.ops(), key, "{\"name\": \"Chair\"}");

        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(reused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(reused.body()).path("type").asText()).endsWith("/problems/idempotency-key-reused");
        assertThat(CREATED.get()).isEqualTo(before);
    }

    @Test
    void keysBelongToTheirCaller() throws Exception {
        String key = key();
        int before = CREATED.get();
        assertThat(post("/api/items", TOKENS.ops(), key, "{\"name\": \"Lamp\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> other = post("/api/items", TOKENS.finance(), key, "{\"name\": \"Lamp\"}");

        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(other.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(CREATED.get()).isEqualTo(before + 2);
    }

    @Test
    void concurrentFirstRequestsWithOneKeyTakeEffectOnce() {
        String key = key();
        int before = CREATED.get();
        List<CompletableFuture<HttpResponse<String>>> racing = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            racing.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return post("/api/items/slow", TOKENS.ops(), key, "{\"name\": \"Raced\"}");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        List<HttpResponse<String>> answers = racing.stream().map(CompletableFuture::join).toList();

        assertThat(CREATED.get()).isEqualTo(before + 1);
        assertThat(answers).extracting(HttpResponse::statusCode).allMatch(status -> status == 201 || status == 409);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 201
                && answer.headers().firstValue("Idempotent-Replayed").isEmpty()).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 409).allSatisfy(answer ->
                assertThat(answer.body()).contains("/problems/conflict"));
    }

    @Nested
    class AFailedFirstAttempt {

        @Test
        void freesTheKeySoThatARetryStartsAfresh() throws Exception {
            String key = key();
            FAILURES_LEFT.set(1);
            int attempts = FAILED_ATTEMPTS.get();

            assertThat(post("/api/items/flaky", TOKENS.ops(), key, "{\"name\": \"Once\"}").statusCode())
                    .isEqualTo(500);
            HttpResponse<String> retry = post("/api/items/flaky", TOKENS.ops(), key, "{\"name\": \"Once\"}");

            assertThat(retry.statusCode()).isEqualTo(201);
            assertThat(retry.headers().firstValue("Idempotent-Replayed")).isEmpty();
            assertThat(FAILED_ATTEMPTS.get()).isEqualTo(attempts + 2);
        }

        @Test
        void thatNeverAnswersHoldsItsKeyUntilItsLeaseEnds() throws Exception {
            String key = key();
            HANGS_LEFT.set(1);
            assertThatThrownBy(() -> post("/api/items/hang", TOKENS.ops(), key, "{}", Duration.ofSeconds(1)))
                    .isInstanceOf(HttpTimeoutException.class);

            HttpResponse<String> meanwhile = post("/api/items/hang", TOKENS.ops(), key, "{}");
            assertThat(meanwhile.statusCode()).isEqualTo(409);
            assertThat(meanwhile.body()).contains("/problems/conflict");

            CLOCK.advance(Duration.ofSeconds(61));
            assertThat(post("/api/items/hang", TOKENS.ops(), key, "{}").statusCode()).isEqualTo(201);
        }
    }

    @Test
    void onlyTheListedRoutesTakeAKey() throws Exception {
        String key = key();
        int before = OTHERS.get();
        post("/api/others", TOKENS.ops(), key, "{}");
        post("/api/others", TOKENS.ops(), key, "{}");
        assertThat(OTHERS.get()).isEqualTo(before + 2);
    }

    @Test
    void anOverlongOrBlankKeyIsA400() throws Exception {
        for (String key : List.of("k".repeat(201), " ")) {
            HttpResponse<String> refused = post("/api/items", TOKENS.ops(), key, "{\"name\": \"Lamp\"}");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("/problems/malformed-request");
        }
    }

    @Test
    void onlyAHashOfTheRequestIsStored() throws Exception {
        String key = key();
        post("/api/items", TOKENS.ops(), key, "{\"name\": \"Lamp\", \"password\": \"secret-password-1234\"}");

        Document stored = mongo.findById("ops\n" + key, Document.class, "idempotency-keys").block();

        assertThat(stored).isNotNull();
        assertThat(stored.getString("fingerprint")).matches("[0-9a-f]{64}");
        assertThat(stored.toJson()).doesNotContain("secret-password-1234");
        // keyed by the configured secret: whoever reads the store cannot test password guesses against it offline
        String signed = "POST /api/items?null\napplication/json\n"
                + "{\"name\":\"Lamp\",\"password\":\"secret-password-1234\"}";
        assertThat(stored.getString("fingerprint")).isEqualTo(hmac(FINGERPRINT_KEY, signed))
                .isNotEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(signed.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        // the answer is kept (it names the item, not the password)
        assertThat(new String(stored.get("body", org.bson.types.Binary.class).getData())).contains("Lamp")
                .doesNotContain("secret-password-1234");
    }

    @Test
    void theApiDocumentShowsTheHeaderOnTheCoveredOperationsOnly() {
        OpenAPI document = new OpenAPI().paths(new Paths()
                .addPathItem("/api/items/{id}/parts", new PathItem().post(new Operation()).get(new Operation()))
                .addPathItem("/api/others", new PathItem().post(new Operation())));

        documentation.customise(document);

        assertThat(document.getPaths().get("/api/items/{id}/parts").getPost().getParameters())
                .singleElement().satisfies(header -> {
                    assertThat(header.getName()).isEqualTo("Idempotency-Key");
                    assertThat(header.getIn()).isEqualTo("header");
                    assertThat(header.getSchema().getMaxLength()).isEqualTo(200);
                });
        assertThat(document.getPaths().get("/api/items/{id}/parts").getGet().getParameters()).isNull();
        assertThat(document.getPaths().get("/api/others").getPost().getParameters()).isNull();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private HttpResponse<String> post(String path, String token, String key, String json) throws Exception {
        return post(path, token, key, json, Duration.ofSeconds(20));
    }

    private HttpResponse<String> post(String path, String token, String key, String json, Duration timeout)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, JacksonAutoConfiguration.class,
            CodecsAutoConfiguration.class, ReactiveWebServerFactoryAutoConfiguration.class,
            WebFluxAutoConfiguration.class, HttpHandlerAutoConfiguration.class, ProblemConfiguration.class,
            ResourceServerSecurityConfiguration.class, ReactiveSecurityAutoConfiguration.class,
            ReactiveOAuth2ResourceServerAutoConfiguration.class, MongoReactiveAutoConfiguration.class,
            MongoReactiveDataAutoConfiguration.class, ClockConfiguration.class, IdempotencyConfiguration.class})
    @Import(Service.Items.class)
    static class Service {

        @Bean
        MovableClock clock() {
            return CLOCK;
        }

        @RestController
        static class Items {

            private final AtomicInteger ids = new AtomicInteger();

            @PostMapping("/api/items")
            Mono<ResponseEntity<Map<String, Object>>> create(@RequestBody JsonNode item, Caller caller) {
                if (item.path("name").asText().isEmpty()) {
                    return Mono.just(ResponseEntity.unprocessableEntity().body(Map.of("error", "no name")));
                }
                CREATED.incrementAndGet();
                int id = ids.incrementAndGet();
                return Mono.just(ResponseEntity.created(URI.create("/api/items/" + id))
                        .body(Map.of("id", id, "name", item.path("name").asText(), "by", caller.username())));
            }

            @PostMapping("/api/items/slow")
            Mono<ResponseEntity<Map<String, Object>>> slow(@RequestBody JsonNode item, Caller caller) {
                return Mono.delay(Duration.ofMillis(400)).then(create(item, caller));
            }

            @PostMapping("/api/items/flaky")
            Mono<ResponseEntity<Map<String, Object>>> flaky(@RequestBody JsonNode item, Caller caller) {
                FAILED_ATTEMPTS.incrementAndGet();
                if (FAILURES_LEFT.getAndDecrement() > 0) {
                    return Mono.error(new IllegalStateException("the store is down"));
                }
                return create(item, caller);
            }

            @PostMapping("/api/items/hang")
            Mono<ResponseEntity<Void>> hang() {
                if (HANGS_LEFT.getAndDecrement() > 0) {
                    return Mono.never();
                }
                return Mono.just(ResponseEntity.status(HttpStatus.CREATED).build());
            }

            @PostMapping("/api/others")
            Mono<Void> other() {
                OTHERS.incrementAndGet();
                return Mono.empty();
            }
        }
    }

    private static String hmac(String secret, String content) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
