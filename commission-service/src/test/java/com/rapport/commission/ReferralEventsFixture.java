package com.rapport.commission;

import com.rapport.events.CloudEvent;
import com.rapport.events.CloudEventCodec;
import com.rapport.events.IntegrationEvent;
import com.rapport.events.Topics;
import com.rapport.events.money.Money;
import com.rapport.events.referral.Client;
import com.rapport.events.referral.ContractSignedV1;
import com.rapport.events.referral.PartnerRegisteredV1;
import com.rapport.events.referral.PaymentKind;
import com.rapport.events.referral.PaymentReceivedV1;
import com.rapport.events.referral.RefundIssuedV1;
import com.rapport.events.referral.ReferralSubmittedV1;
import com.rapport.testsupport.TestInfrastructure;
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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * Plays referral-service in tests: publishes real CloudEvents on {@code referral-events} with a plain Kafka producer,
 * exactly as EVENTS.md describes them, and reads any topic with a plain consumer.
 */
public final class ReferralEventsFixture implements AutoCloseable {

    private final CloudEventCodec codec = new CloudEventCodec("/referral-service");
    private final KafkaProducer<String, byte[]> producer;
    private final String bootstrapServers;

    public ReferralEventsFixture() {
        bootstrapServers = TestInfrastructure.shared().kafka().bootstrapServers();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    public CloudEventCodec codec() {
        return codec;
    }

    /** Publishes the event under a new id and answers that id. */
    public String publish(IntegrationEvent payload) {
        return publish(UUID.randomUUID().toString(), payload);
    }

    public String publish(String eventId, IntegrationEvent payload) {
        send(payload.subject(), codec.encode(eventId, Instant.now(), payload));
        return eventId;
    }

    public void send(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.REFERRAL_EVENTS, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public String partnerRegistered(String partnerId, String name, String parentPartnerId) {
        return publish(new PartnerRegisteredV1(partnerId, name, name.toLowerCase().replace(' ', '.') + "@example.com",
                "en", parentPartnerId));
    }

    public String referralSubmitted(String referralId, String partnerId, String currency) {
        return publish(new ReferralSubmittedV1(referralId, partnerId,
                new Client("Client of " + referralId, "Li Wei", referralId + "@client.example"), "A project",
                Money.of("1000", currency)));
    }

    public String contractSigned(String referralId, String partnerId, String value, String currency,
                                 int contractNumber) {
        return publish(new ContractSignedV1(referralId, partnerId, Money.of(value, currency),
                Instant.parse("2026-11-02T09:00:00Z"), contractNumber));
    }

    public String paymentReceived(String referralId, String partnerId, String amount, String netCash,
                                  String currency, String receivedOn) {
        return publish(paymentReceivedEvent(referralId, partnerId, amount, netCash, currency, receivedOn));
    }

    public PaymentReceivedV1 paymentReceivedEvent(String referralId, String partnerId, String amount,
                                                  String netCash, String currency, String receivedOn) {
        return new PaymentReceivedV1(referralId, partnerId, UUID.randomUUID().toString(), Money.of(amount, currency),
                PaymentKind.MILESTONE, Instant.parse(receivedOn + "T10:00:00Z"), Money.of(netCash, currency));
    }

    public String refundIssued(String referralId, String partnerId, String amount, String netCash,
                               String currency, String issuedOn) {
        return publish(new RefundIssuedV1(referralId, partnerId, UUID.randomUUID().toString(),
                Money.of(amount, currency), "client asked", Instant.parse(issuedOn + "T10:00:00Z"),
                Money.of(netCash, currency)));
    }

    /** Reads {@code topic} from the start until a record matches or the time is up; answers all matching ones. */
    public List<ConsumerRecord<String, byte[]>> read(String topic, Predicate<ConsumerRecord<String, byte[]>> wanted,
                                                     int atLeast, Duration within) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + within.toNanos();
            while (found.size() < atLeast && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (wanted.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    public CloudEvent envelope(ConsumerRecord<String, byte[]> record) {
        return codec.readEnvelope(record.value());
    }

    @Override
    public void close() {
        producer.close();
    }
}
