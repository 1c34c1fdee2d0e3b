package com.rapport.testsupport;

import com.rapport.events.CloudEvent;
import com.rapport.events.CloudEventCodec;
import com.rapport.events.EventType;
import com.rapport.events.IntegrationEvent;
import com.rapport.events.Topics;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * The one way tests publish and read CloudEvents on Kafka: publishes real records exactly as EVENTS.md describes them
 * (the producing service's source, the subject as key, acknowledged by all replicas) with a plain producer, and reads
 * any topic from its beginning with a plain consumer of a fresh group, as another service would.
 */
public final class CloudEventTopics {

    private static final Map<String, CloudEventTopics> BY_BOOTSTRAP = new ConcurrentHashMap<>();
    private static final Duration POLL = Duration.ofMillis(200);

    private final String bootstrapServers;
    private final CloudEventCodec referralService = new CloudEventCodec("/referral-service");
    private final CloudEventCodec commissionService = new CloudEventCodec("/commission-service");
    private KafkaProducer<String, byte[]> producer;

    private CloudEventTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The broker of {@link TestInfrastructure#shared()}. */
    public static CloudEventTopics shared() {
        return at(TestInfrastructure.shared().kafka().bootstrapServers());
    }

    /** Any broker, e.g. a running stack's; one producer per broker for the JVM, closed when it exits. */
    public static CloudEventTopics at(String bootstrapServers) {
        return BY_BOOTSTRAP.computeIfAbsent(bootstrapServers, CloudEventTopics::new);
    }

    /** The codec of the service that produces this topic's events. */
    public CloudEventCodec codecFor(String topic) {
        return Topics.COMMISSION_EVENTS.equals(topic) ? commissionService : referralService;
    }

    /** Publishes the payload on its topic under a new CloudEvent id, which it answers. */
    public String publish(IntegrationEvent payload) {
        return publish(UUID.randomUUID().toString(), payload);
    }

    public String publish(String eventId, IntegrationEvent payload) {
        return publish(eventId, Instant.now(), payload);
    }

    /** Publishes the payload as having happened at {@code time} (the CloudEvent's {@code time}). */
    public String publishAt(Instant time, IntegrationEvent payload) {
        return publish(UUID.randomUUID().toString(), time, payload);
    }

    public String publish(String eventId, Instant time, IntegrationEvent payload) {
        String topic = EventType.of(payload).topic();
        // as the services publish: structured mode by the SDK's Kafka binding (value and content-type header)
        send(KafkaMessageFactory.<String>createWriter(topic, payload.subject())
                .writeStructured(codecFor(topic).cloudEvent(eventId, time, payload), CloudEventCodec.FORMAT));
        return eventId;
    }

    /** Sends raw bytes, e.g. a record no codec would write; returns once the broker acknowledged it. */
    public void send(String topic, String key, byte[] value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        String topic = record.topic();
        try {
            producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing to " + topic + " failed", e);
        }
    }

    /** The partition Kafka's default partitioner gives this key on this topic. */
    public int partitionOf(String topic, String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8)))
                % producer().partitionsFor(topic).size();
    }

    /**
     * Reads {@code topic} from its beginning, keeping the records {@code wanted} picks in the order of their
     * partitions, until {@code enough} holds for what was kept (asked before each poll) or {@code within} is up.
     */
    public List<ConsumerRecord<String, byte[]>> read(String topic, Predicate<ConsumerRecord<String, byte[]>> wanted,
                                                     Predicate<List<ConsumerRecord<String, byte[]>>> enough,
                                                     Duration within) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + within.toNanos();
            while (!enough.test(found) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (wanted.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /** Reads until at least {@code atLeast} records matched or the time is up. */
    public List<ConsumerRecord<String, byte[]>> read(String topic, Predicate<ConsumerRecord<String, byte[]>> wanted,
                                                     int atLeast, Duration within) {
        return read(topic, wanted, found -> found.size() >= atLeast, within);
    }

    /** Reads the records whose key {@code keys} accepts until at least {@code atLeast} arrived. */
    public List<ConsumerRecord<String, byte[]>> readKeys(String topic, Predicate<String> keys, int atLeast,
                                                         Duration within) {
        return read(topic, record -> record.key() != null && keys.test(record.key()), atLeast, within);
    }

    /** A record as it arrived: its key and its CloudEvent. */
    public record Received(String key, CloudEvent event) {
    }

    /**
     * The CloudEvents of the records whose key {@code keys} accepts, in the order of their partitions, once
     * {@code enough} holds for them (or the time is up).
     */
    public List<Received> events(String topic, Predicate<String> keys, Predicate<List<Received>> enough,
                                 Duration within) {
        List<Received> received = new ArrayList<>();
        read(topic, record -> record.key() != null && keys.test(record.key()), found -> {
            for (ConsumerRecord<String, byte[]> record : found.subList(received.size(), found.size())) {
                received.add(new Received(record.key(), envelope(record)));
            }
            return enough.test(received);
        }, within);
        return received;
    }

    /** The first record of the topic with this key. */
    public Optional<ConsumerRecord<String, byte[]>> first(String topic, String key, Duration within) {
        return readKeys(topic, key::equals, 1, within).stream().findFirst();
    }

    /** The record's CloudEvent envelope (data left as JSON). */
    public CloudEvent envelope(ConsumerRecord<String, byte[]> record) {
        return codecFor(record.topic()).readEnvelope(record.value());
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
            KafkaProducer<String, byte[]> closing = producer;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closing.close(Duration.ofSeconds(2)),
                    "cloud-event-topics-close"));
        }
        return producer;
    }
}
