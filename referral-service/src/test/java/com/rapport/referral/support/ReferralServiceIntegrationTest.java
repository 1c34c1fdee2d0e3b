package com.rapport.referral.support;

import com.rapport.testsupport.TestInfrastructure;
import com.rapport.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;

/**
 * The whole service on real infrastructure (Kafka broker, MongoDB-wire server, JWTs checked against a real key set),
 * called over HTTP. Every integration test class extends this one, so they share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ReferralServiceIntegrationTest {

    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.shared().register(registry, "rapport-referral-it");
        TestTokens.shared().register(registry);
    }

    @Autowired
    private WebTestClient webTestClient;

    protected WebTestClient web;
    protected Api api;
    protected final TestTokens tokens = TestTokens.shared();

    @BeforeEach
    void connect() {
        web = webTestClient.mutate().responseTimeout(RESPONSE_TIMEOUT).build();
        api = new Api(web, tokens);
    }
}
