package com.rapport.support.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * {@code rapport.processor.lag{processor}}: how many stored events each streaming processor of this instance (every
 * Kafka relay and tracking read model) still has to handle: the event store's head minus the lowest position its
 * segments hold. Read at scrape time (one lookup of the head), so it costs nothing between scrapes. A processor with
 * no segment claimed here (another instance runs it) reports nothing.
 */
public class ProcessorLagMetrics implements ApplicationListener<ApplicationReadyEvent> {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final MeterRegistry meters;

    public ProcessorLagMetrics(EventProcessingConfiguration processing, EventStore eventStore, MeterRegistry meters) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.meters = meters;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("rapport.processor.lag", streaming, this::lagOf)
                        .tag("processor", name)
                        .description("stored events this processor has not handled yet")
                        .register(meters);
            }
        });
    }

    double lagOf(StreamingEventProcessor processor) {
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            lowest = Math.min(lowest, position(status.getTrackingToken()));
        }
        if (lowest == Long.MAX_VALUE) {
            return Double.NaN;
        }
        return Math.max(0, position(eventStore.createHeadToken()) - lowest);
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
