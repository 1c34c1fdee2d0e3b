package com.rapport.support.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one way a service rebuilds read models from its event store: Axon's own reset. A tracking (streaming)
 * processing group is shut down, its tokens reset ({@code resetTokens()}: the group's {@code @ResetHandler}s run,
 * then every stored event comes again as a replay, skipping {@code @DisallowReplay} handlers) and started; the call
 * returns once it has caught up with the events stored before the reset. A subscribing group has no token: its
 * {@code @ResetHandler}s run and every stored event is handed to it in the same way, as a replay.
 *
 * <p>Only groups named by the caller are touched; relays and anything else with side effects keep their tokens. They
 * must not be {@code @DisallowReplay}: Axon starts a tracking processor that has no token yet from a replay token up
 * to the head, so such a handler would skip every event stored before its first start. Blocking and long: call it off
 * the event loop. A tracking group must not be running in another instance while it is reset.
 */
public class ReadModelReplay {

    private static final Logger log = LoggerFactory.getLogger(ReadModelReplay.class);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final int REPLAY_BATCH = 500;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final int workers;

    public ReadModelReplay(EventProcessingConfiguration processing, EventStore eventStore) {
        this(processing, eventStore, Math.min(4, Math.max(2, Runtime.getRuntime().availableProcessors())));
    }

    ReadModelReplay(EventProcessingConfiguration processing, EventStore eventStore, int workers) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.workers = workers;
    }

    /**
     * Replays every stored event through the named processing groups and answers how many events the store held when
     * the replay began.
     */
    public synchronized long replay(Collection<String> groups, Duration patience) {
        long started = System.nanoTime();
        TrackingToken head = eventStore.createHeadToken();
        long events = head == null ? 0 : head.position().orElse(-1) + 1;
        List<EventProcessor> processors = groups.stream()
                .map(group -> processing.eventProcessorByProcessingGroup(group)
                        .orElseThrow(() -> new IllegalStateException("no event processor for " + group)))
                .toList();
        List<EventHandlerInvoker> subscribing = new ArrayList<>();
        for (EventProcessor processor : processors) {
            if (processor instanceof StreamingEventProcessor streaming) {
                streaming.shutDown();
                streaming.resetTokens();
                streaming.start();
            } else {
                subscribing.add(((AbstractEventProcessor) processor).eventHandlerInvoker());
            }
        }
        if (!subscribing.isEmpty()) {
            replayInto(subscribing, head);
        }
        long deadline = System.nanoTime() + patience.toNanos();
        for (EventProcessor processor : processors) {
            if (processor instanceof StreamingEventProcessor streaming) {
                awaitCaughtUp(streaming, events - 1, deadline);
            }
        }
        log.info("Read models of {} rebuilt from {} events in {} ms", groups, events,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return events;
    }

    /**
     * One pass over the stored events for every subscribing group. The events are spread over {@link #workers} by
     * aggregate (Axon's default sequencing policy for parallel segments: each aggregate's events stay in order on one
     * worker), so reading, deserializing and the database's answers overlap; at most two batches per worker wait.
     */
    private void replayInto(List<EventHandlerInvoker> invokers, TrackingToken head) {
        invokers.forEach(EventHandlerInvoker::performReset);
        ExecutorService[] lanes = new ExecutorService[workers];
        for (int i = 0; i < workers; i++) {
            String name = "read-model-replay-" + i;
            lanes[i] = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, name));
        }
        Semaphore waiting = new Semaphore(2 * workers);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<List<TrackedEventMessage<?>>> batches = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            batches.add(new ArrayList<>(REPLAY_BATCH));
        }
        try (BlockingStream<TrackedEventMessage<?>> stored = eventStore.openStream(null)) {
            while (failure.get() == null && stored.hasNextAvailable()) {
                TrackedEventMessage<?> event = stored.nextAvailable();
                int lane = Math.floorMod(sequenceOf(event).hashCode(), workers);
                batches.get(lane).add(event.withTrackingToken(
                        ReplayToken.createReplayToken(head, event.trackingToken())));
                if (batches.get(lane).size() == REPLAY_BATCH) {
                    hand(lanes[lane], invokers, batches.set(lane, new ArrayList<>(REPLAY_BATCH)), waiting, failure);
                }
            }
            for (int lane = 0; lane < workers; lane++) {
                if (!batches.get(lane).isEmpty()) {
                    hand(lanes[lane], invokers, batches.get(lane), waiting, failure);
                }
            }
            waiting.acquire(2 * workers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying read models", e);
        } finally {
            for (ExecutorService lane : lanes) {
                lane.shutdownNow();
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static void hand(ExecutorService lane, List<EventHandlerInvoker> invokers,
                             List<TrackedEventMessage<?>> batch, Semaphore waiting,
                             AtomicReference<RuntimeException> failure) throws InterruptedException {
        waiting.acquire();
        lane.execute(() -> {
            try {
                if (failure.get() == null) {
                    invokers.forEach(invoker -> replayBatch(invoker, batch));
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                waiting.release();
            }
        });
    }

    private static Object sequenceOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }

    /**
     * One unit of work per batch, as a processor handles a batch: a projection that keeps its writes until the unit
     * of work commits writes once per batch instead of once per event.
     */
    private static void replayBatch(EventHandlerInvoker invoker, List<TrackedEventMessage<?>> batch) {
        BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            invoker.handle(unitOfWork.getMessage(), Segment.ROOT_SEGMENT);
            return null;
        });
        if (result.isExceptional()) {
            throw new IllegalStateException("replaying the events from " + batch.get(0).getIdentifier()
                    + " failed", result.exceptionResult());
        }
    }

    private static void awaitCaughtUp(StreamingEventProcessor processor, long lastIndex, long deadline) {
        while (true) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            for (EventTrackerStatus segment : status.values()) {
                if (segment.isErrorState()) {
                    throw new IllegalStateException("replay of " + processor.getName() + " failed",
                            segment.getError());
                }
            }
            // not isReplaying(): Axon's ReplayToken ends only with the first event stored after the reset, so an
            // idle store would keep the group "replaying" after it has handled every event there is
            boolean done = !status.isEmpty() && status.values().stream().allMatch(segment -> segment.isCaughtUp()
                    && segment.getCurrentPosition().orElse(-1) >= lastIndex);
            if (done) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("replay of " + processor.getName() + " did not catch up in time: "
                        + status);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + processor.getName(), e);
            }
        }
    }
}
