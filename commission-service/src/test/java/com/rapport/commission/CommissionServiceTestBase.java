package com.rapport.commission;

import com.rapport.testsupport.CloudEventTopics;
import com.rapport.testsupport.TestInfrastructure;
import com.rapport.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.UUID;

/**
 * The whole service on real infrastructure: embedded Kafka and a MongoDB-wire server (TestInfrastructure), tokens
 * signed and served over a real JWKS endpoint (TestTokens). Today is {@link FixedBusinessDay#TODAY}. Each Spring
 * context gets its own database, consumer group and CloudEvent source; every context reads the whole shared
 * {@code referral-events} topic, so tests use fresh ids and look only at their own partners and referrals.
 * Metrics are exported as in production for every test, so that the metrics tests share the one context: Kafka's
 * per-partition lag reaches Micrometer only on its refresh a minute after the consumer started, which a context
 * started for them alone would wait for in full.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FixedBusinessDay.class)
public abstract class CommissionServiceTestBase {

    protected static final TestTokens TOKENS = TestTokens.shared();
    protected static final CloudEventTopics KAFKA = CloudEventTopics.shared();
    protected static final ReferralEventsFixture referralService = new ReferralEventsFixture();

    @Autowired
    protected WebTestClient web;

    @Value("${spring.application.name}")
    protected String applicationName;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        TestInfrastructure.shared().register(registry, "rapport-commission-test-" + run);
        TOKENS.register(registry);
        registry.add("spring.kafka.consumer.group-id", () -> "commission-service-test-" + run);
        // every test context relays what it consumes: its own CloudEvent source tells its events apart
        registry.add("spring.application.name", () -> "commission-service-test-" + run);
        registry.add("rapport.kafka.retry-initial-interval", () -> "100ms");
        registry.add("rapport.kafka.retry-max-interval", () -> "1s");
    }

    protected WebTestClient as(String token) {
        return web.mutate().responseTimeout(Duration.ofSeconds(30)).defaultHeader("Authorization", "Bearer " + token)
                .build();
    }

    /**
     * Makes a partner payable by batches (API.md "Finance's month end"): a tax profile that accepts self-billing, and
     * payout details; without them a batch skips the partner.
     */
    protected void makePayable(String partnerId) {
        as(TOKENS.finance()).put().uri("/api/tax-profiles/{p}", partnerId)
                .bodyValue(java.util.Map.of("legalName", "Partner " + partnerId.substring(0, 8) + " GmbH",
                        "address", java.util.Map.of("line1", "Hauptstrasse 1", "city", "Berlin",
                                "postalCode", "10115", "country", "DE"),
                        "vatRegistered", false, "selfBillingAccepted", true))
                .exchange().expectStatus().isOk();
        as(TOKENS.finance()).put().uri("/api/payout-details/{p}", partnerId)
                .bodyValue(java.util.Map.of("accountHolder", "Partner " + partnerId.substring(0, 8) + " GmbH",
                        "iban", "DE89370400440532013000"))
                .exchange().expectStatus().isOk();
    }

    protected static String newId() {
        return UUID.randomUUID().toString();
    }
}
