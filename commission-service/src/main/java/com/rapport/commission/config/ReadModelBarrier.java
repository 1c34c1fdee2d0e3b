package com.rapport.commission.config;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Read-your-writes over tracking processors: {@link #mark()} before a command, {@link #awaitAfter(long)} once it
 * succeeded. The command's events got global indices after the mark and at most the head read after the command;
 * the answer waits until every read-model processor of this instance has handled all of them (its token is at or
 * past the head, and none of those indices is still a gap). It never blocks the caller's thread: the waiting is
 * polling on one scheduler thread. A processor in error keeps the answer waiting until {@code max-wait} is up; then the
 * answer goes out anyway (the events are stored, the read model catches up when the processor recovers).
 */
public class ReadModelBarrier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadModelBarrier.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ReadModelProperties properties;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-barrier");
        thread.setDaemon(true);
        return thread;
    });

    public ReadModelBarrier(EventProcessingConfiguration processing, EventStore eventStore,
                            ReadModelProperties properties) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.properties = properties;
    }

    /** The lowest position the read-model processors of this instance hold now (in memory, never blocks). */
    public long mark() {
        long lowest = Long.MAX_VALUE;
        for (StreamingEventProcessor processor : processors()) {
            for (EventTrackerStatus status : processor.processingStatus().values()) {
                lowest = Math.min(lowest, indexOf(status.getTrackingToken()));
            }
        }
        return lowest == Long.MAX_VALUE ? -1 : lowest;
    }

    /** Completes once the read models hold every event stored after {@code mark} up to now (or {@code max-wait} is up). */
    public CompletableFuture<Void> awaitAfter(long mark) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        scheduler.execute(() -> {
            try {
                long head = indexOf(eventStore.createHeadToken());
                long deadline = System.nanoTime() + properties.maxWait().toNanos();
                poll(mark, head, deadline, done);
            } catch (RuntimeException e) {
                log.warn("could not read the event store's head; answering without waiting for read models", e);
                done.complete(null);
            }
        });
        return done;
    }

    private void poll(long mark, long head, long deadline, CompletableFuture<Void> done) {
        if (caughtUp(mark, head)) {
            done.complete(null);
        } else if (System.nanoTime() > deadline) {
            log.warn("read models did not reach event {} within {}; answering anyway (they catch up later)", head,
                    properties.maxWait());
            done.complete(null);
        } else {
            scheduler.schedule(() -> poll(mark, head, deadline, done), properties.poll().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Every segment this instance processes has handled every index in (mark, head]. */
    boolean caughtUp(long mark, long head) {
        for (StreamingEventProcessor processor : processors()) {
            Map<Integer, EventTrackerStatus> statuses = processor.processingStatus();
            for (EventTrackerStatus status : statuses.values()) {
                TrackingToken token = WrappedToken.unwrapLowerBound(status.getTrackingToken());
                if (indexOf(token) < head) {
                    return false;
                }
                if (token instanceof GapAwareTrackingToken gapAware
                        && !gapAware.getGaps().subSet(mark + 1, head + 1).isEmpty()) {
                    return false;
                }
            }
            // no segment claimed here: another instance processes this group, and this one cannot wait for it
        }
        return true;
    }

    private List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().entrySet().stream()
                .filter(named -> !properties.notReadModels().contains(named.getKey()))
                .map(Map.Entry::getValue)
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .toList();
    }

    private static long indexOf(TrackingToken token) {
        if (token == null) {
            return -1;
        }
        TrackingToken lower = WrappedToken.unwrapLowerBound(token);
        if (lower instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex();
        }
        OptionalLong position = lower == null ? OptionalLong.empty() : lower.position();
        return position.orElse(-1);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
