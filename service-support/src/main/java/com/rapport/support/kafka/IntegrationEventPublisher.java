package com.rapport.support.kafka;

import com.rapport.events.CloudEventCodec;
import com.rapport.events.EventType;
import com.rapport.events.IntegrationEvent;
import com.rapport.support.axon.BeforeTokenMoves;
import com.rapport.support.tracing.CommandTraceMetaData;
import com.rapport.support.tracing.TraceContexts;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes integration events as CloudEvents, keyed by their subject, so that a tracking processor's token moves
 * past an event only after the broker acknowledged it (acks=all): a crash in between re-sends, never skips.
 *
 * <p>Inside a batch of a tracking processor ({@link BatchingUnitOfWork}) the sends are not waited for one by one:
 * every event of the batch is handed to the producer at once, and the batch waits once, for all acknowledgements,
 * before the processor stores its token (Axon stores it in a prepare-commit step registered when the batch's last
 * message is handled; the wait runs in that last message's handler, or in a prepare-commit step registered earlier).
 * The producer keeps the order per key (idempotent, in-flight requests ≤ 5). Outside a batch it waits per event.
 *
 * <p>An event stored with a W3C trace context (see {@link CommandTraceMetaData}) carries it on its record.
 */
public class IntegrationEventPublisher {

    private static final String PENDING = IntegrationEventPublisher.class.getName() + ".pending";

    private final KafkaTemplate<String, byte[]> kafkaTemplate;
    private final CloudEventCodec codec;
    private final Duration timeout;

    public IntegrationEventPublisher(KafkaTemplate<String, byte[]> kafkaTemplate, CloudEventCodec codec,
                                     Duration timeout) {
        this.kafkaTemplate = kafkaTemplate;
        this.codec = codec;
        this.timeout = timeout;
    }

    /**
     * Sends the event; returns once it is acknowledged, or, inside a processor's batch, once the send is under way
     * (the batch then waits for every acknowledgement before its token moves). Throws if the broker did not take it.
     */
    public void publish(String eventId, Instant time, IntegrationEvent payload) {
        CompletableFuture<SendResult<String, byte[]>> sent = send(eventId, time, payload);
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get() : null;
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch)) {
            await(List.of(sent));
            return;
        }
        List<CompletableFuture<?>> pending = batch.root().getOrComputeResource(PENDING, key -> new ArrayList<>());
        pending.add(sent);
        BeforeTokenMoves.schedule(batch, pending.size() == 1, () -> awaitAndClear(pending));
    }

    private CompletableFuture<SendResult<String, byte[]>> send(String eventId, Instant time,
                                                              IntegrationEvent payload) {
        EventType type = EventType.of(payload);
        // the trace of the request that caused the event, stored in its metadata: in the CloudEvent (distributed-
        // tracing extension) and as W3C headers of the record, which the consumers' listener observation continues
        Map<String, String> trace = CommandTraceMetaData.ofMessageInHand();
        String traceparent = trace.get(TraceContexts.TRACEPARENT);
        String tracestate = trace.get(TraceContexts.TRACESTATE);
        // structured mode by the SDK's Kafka binding: the JSON event as value, its content-type as header
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.<String>createWriter(type.topic(),
                        payload.subject())
                .writeStructured(codec.cloudEvent(eventId, time, payload, traceparent, tracestate),
                        CloudEventCodec.FORMAT);
        trace.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return kafkaTemplate.send(record);
    }

    private void awaitAndClear(List<CompletableFuture<?>> pending) {
        List<CompletableFuture<?>> all = List.copyOf(pending);
        pending.clear();
        await(all);
    }

    private void await(List<? extends CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge " + sends.size() + " event(s)", e);
        }
    }
}
