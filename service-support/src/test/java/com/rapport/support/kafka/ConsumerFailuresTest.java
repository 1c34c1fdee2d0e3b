package com.rapport.support.kafka;

import com.rapport.events.Topics;
import com.rapport.events.UnprocessableEventException;
import com.rapport.testsupport.CloudEventTopics;
import com.rapport.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10, defect 12: before, any failure but an unprocessable record was retried without end (a stuck record
 * blocked its partition for good). Against a real broker: a record that keeps failing is dead-lettered after a bounded
 * number of attempts and the partition moves on; a record that fails because the database is away is retried past
 * that bound and processed once the database is back, never dead-lettered.
 */
class ConsumerFailuresTest {

    private final String bootstrap = TestInfrastructure.shared().kafka().bootstrapServers();

    @Nested
    class TellingFailuresApart {

        private final ConsumerFailures failures = new ConsumerFailures(new RapportKafkaProperties(), null);

        @Test
        void aDatabaseOutageIsTransientEvenWhenWrapped() {
            assertThat(failures.isTransient(new IllegalStateException("command failed",
                    new DataAccessResourceFailureException("Timed out waiting for a server")))).isTrue();
            assertThat(failures.isTransient(new java.util.concurrent.TimeoutException())).isTrue();
        }

        @Test
        void aBugOrABadRecordIsNot() {
            assertThat(failures.isTransient(new IllegalStateException("no such plan"))).isFalse();
            assertThat(failures.isTransient(new UnprocessableEventException("bad"))).isFalse();
            assertThat(failures.isUnprocessable(new RuntimeException(new UnprocessableEventException("bad")))).isTrue();
        }
    }

    @Test
    void aStuckRecordIsDeadLetteredAfterBoundedAttemptsWhileAnOutageIsWaitedOut() throws Exception {
        String topic = "failures-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1),
                    new NewTopic(Topics.deadLetterTopicOf(topic), 1, (short) 1))).all().get();
        }
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer()));

        RapportKafkaProperties properties = new RapportKafkaProperties();
        properties.setMaxAttempts(3);
        properties.setRetryInitialInterval(Duration.ofMillis(20));
        properties.setRetryMaxInterval(Duration.ofMillis(50));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ConsumerFailures failures = new ConsumerFailures(properties, meters);
        DefaultErrorHandler handler = new KafkaContractConfiguration().deadLetterErrorHandler(template, failures);

        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        List<String> processed = new CopyOnWriteArrayList<>();
        MessageListener<String, byte[]> listener = record -> {
            String value = new String(record.value(), StandardCharsets.UTF_8);
            int attempt = attempts.computeIfAbsent(value, v -> new AtomicInteger()).incrementAndGet();
            if (value.equals("bug")) {
                throw new IllegalStateException("a rule no retry can satisfy");
            }
            if (value.equals("during-outage") && attempt <= 8) {
                throw new IllegalStateException("command failed",
                        new DataAccessResourceFailureException("Timed out waiting for a server"));
            }
            processed.add(value);
        };
        ContainerProperties containerProperties = new ContainerProperties(topic);
        containerProperties.setGroupId("failures-" + UUID.randomUUID());
        containerProperties.setMessageListener(listener);
        KafkaMessageListenerContainer<String, byte[]> container = new KafkaMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                        new StringDeserializer(), new ByteArrayDeserializer()), containerProperties);
        container.setCommonErrorHandler(handler);
        container.start();
        try {
            for (String value : List.of("first", "bug", "during-outage", "last")) {
                template.send(topic, "key", value.getBytes(StandardCharsets.UTF_8)).get();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> processed.contains("last"));
        } finally {
            container.stop();
        }

        assertThat(processed).containsExactly("first", "during-outage", "last");
        assertThat(attempts.get("bug")).hasValue(3);
        assertThat(attempts.get("during-outage")).hasValue(9);
        List<ConsumerRecord<String, byte[]>> deadLetters = readAll(Topics.deadLetterTopicOf(topic));
        assertThat(deadLetters).hasSize(1);
        assertThat(new String(deadLetters.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("bug");
        assertThat(new String(deadLetters.get(0).headers().lastHeader(Topics.DEAD_LETTER_REASON_HEADER).value(),
                StandardCharsets.UTF_8)).contains("a rule no retry can satisfy");
        assertThat(meters.get("rapport.consumer.dead.letters").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("rapport.consumer.retries").tag("kind", "transient").counter().count()).isEqualTo(8.0);
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        return CloudEventTopics.shared().read(topic, record -> true, 1, Duration.ofSeconds(5));
    }
}
