package com.rapport.commission.readmodel;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Feeds every stored event, from the first, through the subscribing projections again (ledger, plans, payouts).
 * Their writes are upserts and updates by id, so replaying over existing read models converges on exactly what
 * the events say: the repair for a read-model write that failed after its event was stored (MongoDB gives no
 * transaction across the two). Blocking and long: call it on a bounded-elastic thread.
 */
@Component
public class ReadModelReplay {

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final List<String> groups;

    ReadModelReplay(EventStore eventStore, EventProcessingConfiguration processing, ReplayedGroups groups) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.groups = groups.names();
    }

    /** Names of the subscribing processing groups whose read models are rebuilt from the events. */
    public record ReplayedGroups(List<String> names) {
    }

    public long replay() {
        List<EventHandlerInvoker> invokers = groups.stream()
                .map(group -> processing.eventProcessorByProcessingGroup(group, AbstractEventProcessor.class)
                        .orElseThrow(() -> new IllegalStateException("no event processor for " + group)))
                .map(AbstractEventProcessor::eventHandlerInvoker)
                .toList();
        long replayed = 0;
        try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
            while (events.hasNextAvailable()) {
                TrackedEventMessage<?> event = events.nextAvailable();
                for (EventHandlerInvoker invoker : invokers) {
                    DefaultUnitOfWork.startAndGet(event).executeWithResult(() -> {
                        invoker.handle(event, Segment.ROOT_SEGMENT);
                        return null;
                    });
                }
                replayed++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying read models", e);
        }
        return replayed;
    }
}
