package com.rapport.referral.relay;

import com.rapport.events.IntegrationEvent;
import com.rapport.referral.config.EventProcessingConfiguration;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import com.rapport.referral.referral.ReferralQualified;
import com.rapport.referral.referral.ReferralRejected;
import com.rapport.referral.partner.PartnerRegistered;
import com.rapport.support.kafka.IntegrationEventPublisher;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay's delivery guarantee, with the service's own processor configuration: when Kafka refuses a send, the
 * same event is sent again until it is acknowledged, and no later event is sent before it.
 */
class IntegrationEventRelayTest {

    private static final PartnerId PARTNER = new PartnerId("p-1");
    private static final ReferralId REFERRAL = new ReferralId("r-1");

    /** Refuses the first sends, as a broker that is down would; remembers what it acknowledged, in order. */
    private static final class BrokerDownAtFirst extends IntegrationEventPublisher {
        private final AtomicInteger refusalsLeft;
        private final List<String> attempts = new CopyOnWriteArrayList<>();
        private final List<String> acknowledged = new CopyOnWriteArrayList<>();

        BrokerDownAtFirst(int refusals) {
            super(null, null, Duration.ZERO);
            this.refusalsLeft = new AtomicInteger(refusals);
        }

        @Override
        public void publish(String eventId, Instant time, IntegrationEvent payload) {
            attempts.add(eventId);
            if (refusalsLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("Kafka did not acknowledge " + eventId);
            }
            acknowledged.add(eventId);
        }
    }

    private BrokerDownAtFirst broker;
    private Configuration axon;

    private void startRelayOn(InMemoryEventStorageEngine store, int refusals) {
        broker = new BrokerDownAtFirst(refusals);
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(configuration -> store);
        configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(IntegrationEventRelay.GROUP)
                .registerEventHandler(configuration ->
                        new IntegrationEventRelay(new IntegrationEventMapper(), broker)));
        new EventProcessingConfiguration().propagateTrackingErrors().configureModule(configurer);
        axon = configurer.buildConfiguration();
        axon.start();
    }

    @AfterEach
    void stop() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    @Test
    void aRefusedSendIsRetriedAndNoLaterEventOvertakesIt() {
        startRelayOn(new InMemoryEventStorageEngine(), 2);
        List<EventMessage<?>> stored = List.of(
                GenericEventMessage.asEventMessage(new PartnerRegistered(PARTNER, "Ada", "a@x.example", "en", null)),
                GenericEventMessage.asEventMessage(new ReferralQualified(REFERRAL, PARTNER)),
                GenericEventMessage.asEventMessage(new ReferralRejected(REFERRAL, PARTNER, "no")));
        axon.eventStore().publish(stored);

        List<String> ids = stored.stream().map(EventMessage::getIdentifier).toList();
        await().atMost(Duration.ofSeconds(30)).until(() -> broker.acknowledged.size() == ids.size());
        assertThat(broker.acknowledged).containsExactlyElementsOf(ids);
        assertThat(broker.attempts.subList(0, 3)).containsOnly(ids.get(0));
    }

    /**
     * Axon starts a processor without a token from a replay token up to the head, so a relay marked
     * {@code @DisallowReplay} skipped every event stored before its first start (they were never published).
     */
    @Test
    void aRelayStartedOnAStoreThatAlreadyHoldsEventsSendsThemAll() {
        InMemoryEventStorageEngine store = new InMemoryEventStorageEngine();
        List<EventMessage<?>> stored = List.of(
                GenericEventMessage.asEventMessage(new PartnerRegistered(PARTNER, "Ada", "a@x.example", "en", null)),
                GenericEventMessage.asEventMessage(new ReferralQualified(REFERRAL, PARTNER)));
        store.appendEvents(stored);

        startRelayOn(store, 0);

        List<String> ids = stored.stream().map(EventMessage::getIdentifier).toList();
        await().atMost(Duration.ofSeconds(30)).until(() -> broker.acknowledged.size() == ids.size());
        assertThat(broker.acknowledged).containsExactlyElementsOf(ids);
    }
}
