package com.rapport.notification.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rapport.events.Topics;
import com.rapport.events.IntegrationEvent;
import com.rapport.events.commission.PayoutPaidV1;
import com.rapport.events.money.Money;
import com.rapport.events.referral.Client;
import com.rapport.events.referral.ReferralSubmittedV1;
import com.rapport.notification.IntegrationTest;
import com.rapport.notification.NotificationServiceApplication;
import com.rapport.notification.TestPartner;
import com.rapport.testsupport.TestInfrastructure;
import com.rapport.testsupport.TestTokens;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9, scale-out: two instances of notification-service against the same Kafka and MongoDB (the shared test
 * context and a second application started here, in the same consumer group, so they split the partitions). A
 * partner's stream, whichever instance it is connected to, receives every notification of that partner, whichever
 * instance wrote it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveFeedScaleOutTest extends IntegrationTest {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS =
            new ParameterizedTypeReference<>() {
            };

    @Autowired
    private KafkaListenerEndpointRegistry firstListeners;

    private ConfigurableApplicationContext second;

    @BeforeAll
    void startASecondInstance() {
        Map<String, Object> properties = new HashMap<>();
        DynamicPropertyRegistry registry = (name, value) -> properties.put(name, value.get());
        TestInfrastructure.shared().register(registry, DATABASE);
        TestTokens.shared().register(registry);
        properties.put("server.port", "0");
        properties.put("rapport.kafka.retry-initial-interval", "200ms");
        properties.put("rapport.notification.delivery.poll-interval", "200ms");
        // as command-line arguments: they take precedence over application.yml, as the test context's properties do
        second = new SpringApplicationBuilder(NotificationServiceApplication.class).run(properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new));
    }

    @AfterAll
    void stopTheSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class APartnersStream {

        @Test
        void receivesTheNotificationsWrittenByEitherInstance() throws Exception {
            // the instances split the partitions of the group (which ones depends on the assignor): wait until each
            // owns one, then write one notification through a partition of each
            KafkaListenerEndpointRegistry secondListeners = second.getBean(KafkaListenerEndpointRegistry.class);
            await().atMost(PATIENCE).until(() -> !partitionsOf(secondListeners).isEmpty()
                    && !partitionsOf(firstListeners).isEmpty());
            TopicPartition ofFirst = partitionsOf(firstListeners).iterator().next();
            TopicPartition ofSecond = partitionsOf(secondListeners).iterator().next();
            assertThat(partitionsOf(firstListeners)).doesNotContain(ofSecond);

            TestPartner partner = TestPartner.register("Nina Twice", "en");
            int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            BlockingQueue<ServerSentEvent<String>> onFirst = new LinkedBlockingQueue<>();
            BlockingQueue<ServerSentEvent<String>> onSecond = new LinkedBlockingQueue<>();
            Disposable first = stream(port, partner, onFirst);
            Disposable other = stream(secondPort, partner, onSecond);
            try {
                assertThat(onFirst.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS).comment()).isEqualTo("connected");
                assertThat(onSecond.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS).comment()).isEqualTo("connected");

                String bySecond = writeThrough(ofSecond, partner, "Second Instance Co");
                String byFirst = writeThrough(ofFirst, partner, "First Instance Co");

                assertThat(subjectsOf(nextNotifications(onFirst, 2))).containsExactlyInAnyOrder(bySecond, byFirst);
                assertThat(subjectsOf(nextNotifications(onSecond, 2))).containsExactlyInAnyOrder(bySecond, byFirst);
            } finally {
                first.dispose();
                other.dispose();
            }
        }
    }

    private static Set<TopicPartition> partitionsOf(KafkaListenerEndpointRegistry registry) {
        return registry.getListenerContainers().stream()
                .map(MessageListenerContainer::getAssignedPartitions)
                .filter(assigned -> assigned != null)
                .flatMap(Collection::stream)
                .filter(partition -> partition.topic().equals(Topics.REFERRAL_EVENTS)
                        || partition.topic().equals(Topics.COMMISSION_EVENTS))
                .collect(Collectors.toSet());
    }

    /**
     * Publishes an event for the partner on that partition (the record key picks it), so the instance that owns
     * the partition writes the notification; returns the notification's subject.
     */
    private static String writeThrough(TopicPartition partition, TestPartner partner, String client) {
        String key = keyOn(partition);
        IntegrationEvent event;
        String subject;
        if (partition.topic().equals(Topics.REFERRAL_EVENTS)) {
            String referral = UUID.randomUUID().toString();
            event = new ReferralSubmittedV1(referral, partner.partnerId(),
                    new Client(client, "Jo", "jo@" + referral + ".example"), "Work", Money.of("1000.00", "EUR"));
            subject = "Referral received: " + client;
        } else {
            String amount = (100 + partition.partition()) + ".00";
            event = new PayoutPaidV1("batch-" + UUID.randomUUID(), partner.partnerId(), Money.of(amount, "EUR"));
            subject = "Commission paid: €" + amount;
        }
        KAFKA.send(partition.topic(), key, KAFKA.codecFor(partition.topic()).encode(UUID.randomUUID().toString(),
                Instant.now(), event));
        return subject;
    }

    private static String keyOn(TopicPartition partition) {
        String key;
        do {
            key = UUID.randomUUID().toString();
        } while (KAFKA.partitionOf(partition.topic(), key) != partition.partition());
        return key;
    }

    private static Disposable stream(int port, TestPartner partner, BlockingQueue<ServerSentEvent<String>> into) {
        return WebClient.create("http://127.0.0.1:" + port).get().uri("/api/notifications/stream")
                .headers(h -> h.setBearerAuth(partner.token())).accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve().bodyToFlux(EVENTS).subscribe(into::add);
    }

    private static java.util.List<JsonNode> nextNotifications(BlockingQueue<ServerSentEvent<String>> received,
                                                              int count) throws Exception {
        java.util.List<JsonNode> notifications = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (notifications.size() < count && System.nanoTime() < deadline) {
            ServerSentEvent<String> event = received.poll(1, TimeUnit.SECONDS);
            if (event != null && "notification".equals(event.event())) {
                notifications.add(new ObjectMapper().readTree(event.data()));
            }
        }
        assertThat(notifications).as("notifications received").hasSize(count);
        return notifications;
    }

    private static java.util.List<String> subjectsOf(java.util.List<JsonNode> notifications) {
        return notifications.stream().map(n -> n.path("subject").asText()).toList();
    }
}
