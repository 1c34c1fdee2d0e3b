package com.rapport.support.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;

/** The rebuild: one pass over the store, subscribing groups in parallel by aggregate, tracking groups in order. */
class ReadModelReplayTest {

    record Happened(String aggregate, long number) {
    }

    /** A read model that remembers, per aggregate, the order its events came in, and on which threads. */
    static class Recorder {
        final Map<String, List<Long>> seen = new ConcurrentHashMap<>();
        final List<Happened> inOrder = Collections.synchronizedList(new ArrayList<>());
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        volatile int resets;
        volatile long failOn = -1;
        volatile boolean failOnce;
        volatile Runnable onFirst;

        @EventHandler
        void on(Happened event) {
            if (event.number() == failOn) {
                if (failOnce) {
                    failOn = -1;
                }
                throw new IllegalStateException("cannot write " + event);
            }
            Runnable first = onFirst;
            if (first != null) {
                onFirst = null;
                first.run();
            }
            seen.computeIfAbsent(event.aggregate(), key -> new ArrayList<>()).add(event.number());
            inOrder.add(event);
            threads.add(Thread.currentThread().getName());
        }

        @ResetHandler
        void reset() {
            resets++;
            seen.clear();
            inOrder.clear();
        }
    }

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);

    @Nested
    class EveryGroupOfTheRebuild {

        @Test
        void seesEveryStoredEventOnceAndEachAggregatesEventsInOrder() {
            Recorder referrals = group("referrals");
            Recorder partners = group("partners");
            store(40, 60);

            long events = new ReadModelReplay(processing, store, 3).replay(List.of("referrals", "partners"),
                    Duration.ofSeconds(30));

            assertThat(events).isEqualTo(2_400);
            for (Recorder recorder : List.of(referrals, partners)) {
                assertThat(recorder.resets).isEqualTo(1);
                assertThat(recorder.seen).hasSize(40);
                recorder.seen.values().forEach(numbers ->
                        assertThat(numbers).containsExactlyElementsOf(LongStream.range(0, 60).boxed().toList()));
            }
            assertThat(referrals.threads).as("the aggregates are spread over the workers").hasSizeGreaterThan(1);
        }

        @Test
        void failsTheWholeRebuildWhenAHandlerFails() {
            Recorder referrals = group("referrals");
            referrals.failOn = 30;
            store(10, 50);

            assertThatThrownBy(() -> new ReadModelReplay(processing, store, 2).replay(List.of("referrals"),
                    Duration.ofSeconds(30)))
                    .isInstanceOf(IllegalStateException.class)
                    .rootCause().hasMessageContaining("number=30");
        }
    }

    @Nested
    class ATrackingGroup {

        private final InMemoryTokenStore tokens = new InMemoryTokenStore();

        @Test
        void getsTheStoredEventsInTheStoresOrderThenHandlesWhatComesAfterFromTheHead() throws Exception {
            store(30, 40);
            Recorder ledger = new Recorder();
            TrackingEventProcessor processor = tracking("ledger", ledger);
            processor.start();
            awaitHandled(ledger, 1_200);

            long events = new ReadModelReplay(processing, store, 2).replay(List.of("ledger"), Duration.ofSeconds(30));

            assertThat(events).isEqualTo(1_200);
            assertThat(ledger.resets).isEqualTo(1);
            assertThat(ledger.inOrder).containsExactlyElementsOf(storedOrder(30, 40));
            assertThat(tokens.fetchToken("ledger", 0).position()).hasValue(1_199L);
            assertThat(processor.isRunning()).isTrue();
            store.publish(new GenericDomainEventMessage<>("Thing", "a0", 40, new Happened("a0", 40)));
            awaitHandled(ledger, 1_201);
            assertThat(ledger.seen.get("a0")).endsWith(39L, 40L);
            processor.shutDown();
        }

        @Test
        void handlesWhatIsStoredDuringThePassExactlyOnce() throws Exception {
            store(20, 30);
            Recorder ledger = new Recorder();
            TrackingEventProcessor processor = tracking("ledger", ledger);
            // live traffic while the rebuild runs: stored from another thread while the first batch is handled
            ledger.onFirst = () -> {
                Thread live = new Thread(() -> store.publish(
                        new GenericDomainEventMessage<>("Thing", "late", 0, new Happened("late", 0))));
                live.start();
                try {
                    live.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };

            new ReadModelReplay(processing, store, 2).replay(List.of("ledger"), Duration.ofSeconds(30));
            awaitHandled(ledger, 601);

            assertThat(ledger.seen.get("late")).containsExactly(0L);
            Thread.sleep(200);
            assertThat(ledger.inOrder).hasSize(601);
            processor.shutDown();
        }

        @Test
        void whoseBatchFailsIsResetAgainAndReplayedByAxon() throws Exception {
            store(10, 30);
            Recorder ledger = new Recorder();
            TrackingEventProcessor processor = tracking("ledger", ledger);
            ledger.failOn = 20;
            ledger.failOnce = true;

            long events = new ReadModelReplay(processing, store, 2).replay(List.of("ledger"), Duration.ofSeconds(30));

            assertThat(events).isEqualTo(300);
            assertThat(ledger.resets).as("reset by the rebuild, then again for Axon's replay").isEqualTo(2);
            assertThat(ledger.inOrder).containsExactlyElementsOf(storedOrder(10, 30));
            processor.shutDown();
        }

        @Test
        void allAreStoppedTogetherBeforeAnyIsReset() {
            store(5, 10);
            // stopping one waits for its worker, which may be waiting up to a second for new events: one after the
            // other, six groups took six seconds before the rebuild could begin
            TrackingEventProcessor ledger = spy(tracking("ledger", new Recorder()));
            TrackingEventProcessor payouts = spy(tracking("payouts", new Recorder()));
            doReturn(Optional.of(ledger)).when(processing).eventProcessorByProcessingGroup("ledger");
            doReturn(Optional.of(payouts)).when(processing).eventProcessorByProcessingGroup("payouts");

            new ReadModelReplay(processing, store, 2).replay(List.of("ledger", "payouts"), Duration.ofSeconds(30));

            InOrder order = inOrder(ledger, payouts);
            order.verify(payouts).shutdownAsync();
            order.verify(ledger).resetTokens();
            ledger.shutDown();
            payouts.shutDown();
        }

        private TrackingEventProcessor tracking(String name, Recorder recorder) {
            TrackingEventProcessor processor = TrackingEventProcessor.builder()
                    .name(name)
                    .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(recorder)
                            .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build())
                    .messageSource(store)
                    .tokenStore(tokens)
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                            .forSingleThreadedProcessing()
                            .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                    .build();
            doReturn(Optional.of(processor)).when(processing).eventProcessorByProcessingGroup(name);
            doReturn(tokens).when(processing).tokenStore(name);
            return processor;
        }

        private void awaitHandled(Recorder recorder, int count) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (recorder.inOrder.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(recorder.inOrder).hasSize(count);
        }
    }

    /** {@code aggregates} aggregates, their events interleaved in the store as live traffic would store them. */
    private void store(int aggregates, int eventsEach) {
        for (long number = 0; number < eventsEach; number++) {
            for (int aggregate = 0; aggregate < aggregates; aggregate++) {
                String id = "a" + aggregate;
                store.publish(new GenericDomainEventMessage<>("Thing", id, number, new Happened(id, number)));
            }
        }
    }

    private static List<Happened> storedOrder(int aggregates, int eventsEach) {
        List<Happened> order = new ArrayList<>();
        for (long number = 0; number < eventsEach; number++) {
            for (int aggregate = 0; aggregate < aggregates; aggregate++) {
                order.add(new Happened("a" + aggregate, number));
            }
        }
        return order;
    }

    private Recorder group(String name) {
        Recorder recorder = new Recorder();
        SubscribingEventProcessor processor = SubscribingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(recorder)
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build())
                .messageSource(store)
                .build();
        doReturn(Optional.of(processor)).when(processing).eventProcessorByProcessingGroup(name);
        return recorder;
    }
}
