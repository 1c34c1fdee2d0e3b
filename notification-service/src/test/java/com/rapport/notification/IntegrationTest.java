package com.rapport.notification;

import com.rapport.testsupport.TestInfrastructure;
import com.rapport.testsupport.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one full context every integration test of this module shares (one Kafka consumer group, one database), on
 * real infrastructure: Kafka, a MongoDB-wire server and an SMTP server from {@link TestInfrastructure}, tokens
 * checked against a real JWKS endpoint. Retry intervals are short so that outages are tested in seconds; the
 * clock is a {@link TestClock} tests may move.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rapport.kafka.retry-initial-interval=200ms",
        "rapport.kafka.retry-max-interval=2s",
        "rapport.notification.delivery.poll-interval=200ms",
        "rapport.notification.email.retry.initial-backoff=200ms",
        "rapport.notification.email.retry.max-backoff=1s",
        "rapport.notification.email.retry.max-attempts=1000"})
@Import(TestClock.Configuration.class)
public abstract class IntegrationTest {

    public static final String DATABASE = "rapport-notification-test";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.shared().register(registry, DATABASE);
        TestTokens.shared().register(registry);
    }
}
