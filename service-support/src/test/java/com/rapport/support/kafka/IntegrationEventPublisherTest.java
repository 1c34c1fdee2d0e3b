package com.rapport.support.kafka;

import com.rapport.events.CloudEventCodec;
import com.rapport.events.referral.ReferralQualifiedV1;
import com.rapport.testsupport.CloudEventTopics;
import com.rapport.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.eventhandling.EventMessageHandler;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A relay publishes a processor's whole batch and waits once; the token still moves only past events the broker has
 * acknowledged, and the records arrive in store order. Against a real broker and a real Axon tracking processor.
 */
class IntegrationEventPublisherTest {

    private final String bootstrap = TestInfrastructure.shared().kafka().bootstrapServers();

    @Test
    void aBatchIsSentAtOnceAndTheTokenMovesOnlyPastAcknowledgedEvents() throws Exception {
        String topic = com.rapport.events.Topics.REFERRAL_EVENTS;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            }
        }
        String referral = "batch-" + UUID.randomUUID();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        CloudEventCodec codec = new CloudEventCodec("/test");
        // an event counts as acknowledged in the same step that completes the publisher's future, never after it
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer())) {
            @Override
            public java.util.concurrent.CompletableFuture<org.springframework.kafka.support.SendResult<String, byte[]>>
            send(ProducerRecord<String, byte[]> record) {
                return super.send(record).thenApply(result -> {
                    acknowledged.add(codec.readEnvelope(record.value()).id());
                    return result;
                });
            }
        };
        IntegrationEventPublisher publisher = new IntegrationEventPublisher(template, codec, Duration.ofSeconds(30));

        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            EventMessage<?> event = GenericEventMessage.asEventMessage(new ReferralQualifiedV1(referral, "p-" + i));
            ids.add(event.getIdentifier());
            store.publish(event);
        }
        List<String> unacknowledgedAtTokenStore = new CopyOnWriteArrayList<>();
        InMemoryTokenStore tokens = new InMemoryTokenStore() {
            @Override
            public void storeToken(TrackingToken token, String processorName, int segment) {
                long position = token.position().orElse(-1);
                for (int i = 0; i <= position; i++) {
                    if (!acknowledged.contains(ids.get(i))) {
                        unacknowledgedAtTokenStore.add(ids.get(i));
                    }
                }
                super.storeToken(token, processorName, segment);
            }
        };
        EventMessageHandler relay = new EventMessageHandler() {
            @Override
            public Object handle(EventMessage<?> event) {
                publisher.publish(event.getIdentifier(), event.getTimestamp().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                        (ReferralQualifiedV1) event.getPayload());
                return null;
            }
        };
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name("relay-test")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(relay).build())
                .messageSource(store)
                .tokenStore(tokens)
                .transactionManager(org.axonframework.common.transaction.NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(100))
                .build();
        processor.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                TrackingToken token = tokens.fetchToken("relay-test", 0);
                return token != null && token.position().orElse(-1) == 249;
            });
        } finally {
            processor.shutDown();
        }

        assertThat(unacknowledgedAtTokenStore).isEmpty();
        List<String> received = CloudEventTopics.shared().events(topic, referral::equals,
                        events -> events.size() >= 250, Duration.ofSeconds(20))
                .stream().map(event -> event.event().id()).toList();
        assertThat(received).containsExactlyElementsOf(ids);
    }
}
