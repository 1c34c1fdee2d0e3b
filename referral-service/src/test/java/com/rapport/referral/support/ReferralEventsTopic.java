package com.rapport.referral.support;

import com.rapport.events.CloudEvent;
import com.rapport.events.CloudEventCodec;
import com.rapport.events.Topics;
import com.rapport.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads {@code referral-events} with a plain Kafka consumer, as any other service would. */
public final class ReferralEventsTopic {

    private static final Duration POLL = Duration.ofMillis(500);

    /** A record as it arrived: its key and its CloudEvent. */
    public record Received(String key, CloudEvent event) {
    }

    private ReferralEventsTopic() {
    }

    /** Every record keyed by one of {@code keys}, in topic order per key, once {@code done} holds (or the time is up). */
    public static List<Received> read(Set<String> keys, Predicate<List<Received>> done, Duration patience) {
        CloudEventCodec codec = new CloudEventCodec("/test");
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Received> received = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.REFERRAL_EVENTS));
            Instant deadline = Instant.now().plus(patience);
            while (Instant.now().isBefore(deadline) && !done.test(received)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (keys.contains(record.key())) {
                        received.add(new Received(record.key(), codec.readEnvelope(record.value())));
                    }
                }
            }
        }
        return received;
    }
}
