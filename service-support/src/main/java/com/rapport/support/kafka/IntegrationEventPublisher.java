package com.rapport.support.kafka;

import com.rapport.events.CloudEventCodec;
import com.rapport.events.EventType;
import com.rapport.events.IntegrationEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes one integration event as a CloudEvent, keyed by its subject, and returns only once the broker has
 * acknowledged it (acks=all). Called from a tracking event processor, this is what lets the processor advance its
 * token after, and only after, Kafka has the event: a crash in between re-sends, never skips.
 */
public class IntegrationEventPublisher {

    private final KafkaTemplate<String, byte[]> kafkaTemplate;
    private final CloudEventCodec codec;
    private final Duration timeout;

    public IntegrationEventPublisher(KafkaTemplate<String, byte[]> kafkaTemplate, CloudEventCodec codec,
                                     Duration timeout) {
        this.kafkaTemplate = kafkaTemplate;
        this.codec = codec;
        this.timeout = timeout;
    }

    /** Blocks the calling (processor) thread until acknowledged; throws if the broker did not take it. */
    public void publishAndWait(String eventId, Instant time, IntegrationEvent payload) {
        EventType type = EventType.of(payload);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), payload.subject(),
                codec.encode(eventId, time, payload));
        try {
            kafkaTemplate.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + type.type() + " " + eventId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge " + type.type() + " " + eventId, e);
        }
    }
}
