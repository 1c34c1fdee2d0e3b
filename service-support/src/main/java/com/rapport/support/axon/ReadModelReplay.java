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
import org.axonframework.eventhandling.tokenstore.TokenStore;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one way a service rebuilds read models from its event store. Every named group's {@code @ResetHandler}s run,
 * then the stored events are read <em>once</em> and handed to all the groups as a replay (skipping
 * {@code @DisallowReplay} handlers), 500 per unit of work:
 * <ul>
 *   <li>a tracking (streaming) group is shut down and its tokens reset ({@code resetTokens()}), then gets every event
 *   the pass reads, in the store's order, on a worker of its own; after the pass its tokens are set to the last token
 *   read (with the gaps the read saw) and it is started, so it goes on exactly where the pass stopped. If the process
 *   dies mid-pass, the reset tokens make Axon replay from the start when it comes back; if the pass does not complete
 *   for a group, the group is reset again and left to Axon's own replay, which retries as the processor's error
 *   handling says, and the call waits for it as before;</li>
 *   <li>subscribing groups (no token) get the events spread over two to four workers by aggregate, Axon's default
 *   sequencing policy for parallel segments: each aggregate's events stay in order. This holds because a
 *   subscribing read model here depends only on its own aggregate's events; a failed batch fails the call.</li>
 * </ul>
 * At most two batches per worker wait, so memory stays flat whatever the store's size. The call returns once every
 * tracking group has caught up with the events stored before it began.
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
        List<StreamingEventProcessor> tracking = processors.stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        // all at once: each waits for its worker, which may be waiting up to a second for new events (commission
        // service's six groups, stopped one after the other, added six idle seconds to every rebuild)
        CompletableFuture.allOf(tracking.stream().map(EventProcessor::shutdownAsync)
                .toArray(CompletableFuture[]::new)).join();
        List<EventHandlerInvoker> subscribing = new ArrayList<>();
        for (EventProcessor processor : processors) {
            if (processor instanceof StreamingEventProcessor streaming) {
                // the reset handlers run; from here a crash makes Axon replay this group from the start
                streaming.resetTokens();
            } else {
                EventHandlerInvoker invoker = ((AbstractEventProcessor) processor).eventHandlerInvoker();
                invoker.performReset();
                subscribing.add(invoker);
            }
        }
        Pass pass = new Pass(head, tracking, subscribing);
        try {
            pass.run();
        } finally {
            pass.startTracking();
        }
        long deadline = System.nanoTime() + patience.toNanos();
        for (StreamingEventProcessor processor : tracking) {
            awaitCaughtUp(processor, events - 1, deadline);
        }
        log.info("Read models of {} rebuilt from {} events in {} ms", groups, events,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return events;
    }

    /** One read of the store, handed to a worker per tracking group and to the subscribing groups' workers. */
    private final class Pass {

        private final TrackingToken head;
        private final List<StreamingEventProcessor> tracking;
        private final List<Worker> ordered = new ArrayList<>();
        private final List<Worker> byAggregate = new ArrayList<>();
        private boolean completed;
        private TrackingToken reached;

        Pass(TrackingToken head, List<StreamingEventProcessor> tracking, List<EventHandlerInvoker> subscribing) {
            this.head = head;
            this.tracking = tracking;
            for (StreamingEventProcessor processor : tracking) {
                ordered.add(new Worker(processor.getName(),
                        List.of(((AbstractEventProcessor) processor).eventHandlerInvoker())));
            }
            if (!subscribing.isEmpty()) {
                for (int i = 0; i < workers; i++) {
                    byAggregate.add(new Worker("subscribing-" + i, subscribing));
                }
            }
        }

        void run() {
            if (ordered.isEmpty() && byAggregate.isEmpty()) {
                completed = true;
                return;
            }
            TrackingToken last = null;
            try (BlockingStream<TrackedEventMessage<?>> stored = eventStore.openStream(null)) {
                while (!nothingLeftToDo() && stored.hasNextAvailable()) {
                    TrackedEventMessage<?> event = stored.nextAvailable();
                    last = event.trackingToken();
                    // marked as a replay up to the head of the reset; what was stored since comes as it is
                    TrackedEventMessage<?> replayed = event.withTrackingToken(
                            ReplayToken.createReplayToken(head, event.trackingToken()));
                    for (Worker worker : ordered) {
                        worker.add(replayed);
                    }
                    if (!byAggregate.isEmpty()) {
                        byAggregate.get(Math.floorMod(sequenceOf(event).hashCode(), byAggregate.size()))
                                .add(replayed);
                    }
                }
                for (Worker worker : all()) {
                    worker.finish();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while replaying read models", e);
            } finally {
                all().forEach(Worker::close);
            }
            for (Worker worker : byAggregate) {
                if (worker.failure.get() != null) {
                    throw worker.failure.get();
                }
            }
            reached = last;
            completed = true;
        }

        /**
         * Each tracking group resumes where the pass stopped reading (the token of the last event read, with the gaps
         * the read saw: a commit in flight is asked for again), or, if its pass did not complete, replays by Axon.
         */
        void startTracking() {
            for (int i = 0; i < tracking.size(); i++) {
                StreamingEventProcessor processor = tracking.get(i);
                RuntimeException failure = ordered.get(i).failure.get();
                if (!completed || failure != null) {
                    log.warn("Rebuilding {} in one pass did not complete; Axon replays it from the start",
                            processor.getName(), failure);
                    processor.resetTokens();
                } else if (reached != null) {
                    TokenStore tokens = processing.tokenStore(processor.getName());
                    int[] segments = tokens.fetchSegments(processor.getName());
                    if (segments.length == 0) {
                        // never started before: its first start would otherwise begin at its initial token
                        tokens.initializeTokenSegments(processor.getName(), 1, reached);
                    }
                    for (int segment : segments) {
                        tokens.storeToken(reached, processor.getName(), segment);
                    }
                }
                processor.start();
            }
        }

        /** A failed subscribing batch fails the call; failed tracking groups are left to Axon's replay. */
        private boolean nothingLeftToDo() {
            return byAggregate.stream().anyMatch(Worker::failed)
                    || byAggregate.isEmpty() && ordered.stream().allMatch(Worker::failed);
        }

        private List<Worker> all() {
            List<Worker> all = new ArrayList<>(ordered);
            all.addAll(byAggregate);
            return all;
        }
    }

    /** A thread that handles batches for some groups in the order they come; at most two batches wait for it. */
    private static final class Worker {

        private final List<EventHandlerInvoker> invokers;
        private final ExecutorService thread;
        private final Semaphore waiting = new Semaphore(2);
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        private List<TrackedEventMessage<?>> batch = new ArrayList<>(REPLAY_BATCH);

        Worker(String name, List<EventHandlerInvoker> invokers) {
            this.invokers = invokers;
            this.thread = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "read-model-replay-"
                    + name));
        }

        void add(TrackedEventMessage<?> event) throws InterruptedException {
            if (failure.get() != null) {
                return;
            }
            batch.add(event);
            if (batch.size() == REPLAY_BATCH) {
                hand();
            }
        }

        /** Hands over the last batch and waits until every batch is handled. */
        void finish() throws InterruptedException {
            if (!batch.isEmpty() && failure.get() == null) {
                hand();
            }
            waiting.acquire(2);
        }

        void close() {
            thread.shutdownNow();
        }

        boolean failed() {
            return failure.get() != null;
        }

        private void hand() throws InterruptedException {
            List<TrackedEventMessage<?>> handed = batch;
            batch = new ArrayList<>(REPLAY_BATCH);
            waiting.acquire();
            thread.execute(() -> {
                try {
                    if (failure.get() == null) {
                        invokers.forEach(invoker -> replayBatch(invoker, handed));
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    waiting.release();
                }
            });
        }
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
