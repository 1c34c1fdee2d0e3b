package com.rapport.notification;

import com.rapport.testsupport.CloudEventTopics;
import com.rapport.testsupport.TestInfrastructure;
import com.rapport.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

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
        "rapport.notification.email.retry.max-attempts=1000",
        "rapport.notification.webhook.retry.initial-backoff=300ms",
        "rapport.notification.webhook.retry.max-backoff=1s",
        "rapport.notification.webhook.retry.max-attempts=3",
        "rapport.notification.webhook.timeout=2s",
        "rapport.notification.webhook.allow-private-addresses=true",
        "rapport.notification.digest.hour=" + IntegrationTest.DIGEST_HOUR,
        "rapport.notification.digest.check-interval=300ms"})
@Import({TestClock.Configuration.class, DatabaseCommands.Configuration.class})
public abstract class IntegrationTest {

    public static final String DATABASE = "rapport-notification-test";
    public static final int DIGEST_HOUR = 9;
    public static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Plays the producing services: their CloudEvents on the test broker. */
    protected static final CloudEventTopics KAFKA = CloudEventTopics.shared();

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected TestClock clock;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.shared().register(registry, DATABASE);
        TestTokens.shared().register(registry);
    }

    /** {@code GET /api/notifications} as the partner, newest first. */
    protected JsonNode notificationsOf(TestPartner partner) {
        return web.get().uri("/api/notifications?size=200").headers(h -> h.setBearerAuth(partner.token()))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** The partner's notifications of one event type, newest first. */
    protected List<JsonNode> notificationsOf(TestPartner partner, String eventType) {
        return StreamSupport.stream(notificationsOf(partner).path("items").spliterator(), false)
                .filter(n -> n.path("eventType").asText().equals(eventType)).toList();
    }

    /** The delivery log line of one channel of a notification. */
    protected static JsonNode delivery(JsonNode notification, String channel) {
        return StreamSupport.stream(notification.path("deliveries").spliterator(), false)
                .filter(d -> d.path("channel").asText().equals(channel)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + channel + " delivery in " + notification));
    }

    protected JsonNode putPreferences(TestPartner partner, String json) {
        return web.put().uri("/api/notification-preferences/" + partner.partnerId())
                .headers(h -> h.setBearerAuth(partner.token()))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(json)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
