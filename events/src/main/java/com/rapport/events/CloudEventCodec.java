package com.rapport.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Writes and reads the CloudEvents of the contract. Producers call {@link #encode}; consumers call
 * {@link #decode} and get either the typed payload or an {@link UnprocessableEventException} that belongs on the
 * dead-letter topic.
 *
 * <p>Evolution: adding a field keeps the version (unknown fields are ignored when reading). A breaking change
 * gets a new {@code .vN} type; the old type stays readable by registering an upcaster that rewrites its
 * {@code data} into the new shape, for as long as old records are stored anywhere.
 */
public final class CloudEventCodec {

    private final ObjectMapper mapper;
    private final String source;
    private final Map<String, Upcaster> upcasters;

    /** Rewrites the data of an old event type into the shape of a newer one. */
    public record Upcaster(EventType target, UnaryOperator<ObjectNode> rewrite) {
    }

    public CloudEventCodec(String source) {
        this(source, Map.of());
    }

    public CloudEventCodec(String source, Map<String, Upcaster> upcastersByOldType) {
        this.source = source;
        this.upcasters = Map.copyOf(upcastersByOldType);
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        // rates are written as decimal strings like amounts ("0.10"), never as floats
        this.mapper.configOverride(BigDecimal.class)
                .setFormat(com.fasterxml.jackson.annotation.JsonFormat.Value.forShape(
                        com.fasterxml.jackson.annotation.JsonFormat.Shape.STRING));
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public CloudEvent envelope(String eventId, Instant time, IntegrationEvent payload) {
        return envelope(eventId, time, payload, null, null);
    }

    /** The envelope with the distributed-tracing extension ({@code traceparent}, {@code tracestate}; either null). */
    public CloudEvent envelope(String eventId, Instant time, IntegrationEvent payload, String traceparent,
                               String tracestate) {
        EventType type = EventType.of(payload);
        return new CloudEvent(CloudEvent.SPEC_VERSION, eventId, source, type.type(), payload.subject(), time,
                CloudEvent.JSON, mapper.valueToTree(payload), traceparent, tracestate);
    }

    public byte[] encode(String eventId, Instant time, IntegrationEvent payload) {
        return encode(eventId, time, payload, null, null);
    }

    public byte[] encode(String eventId, Instant time, IntegrationEvent payload, String traceparent,
                         String tracestate) {
        try {
            return mapper.writeValueAsBytes(envelope(eventId, time, payload, traceparent, tracestate));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + payload, e);
        }
    }

    public CloudEvent readEnvelope(byte[] value) {
        if (value == null) {
            throw new UnprocessableEventException("empty record");
        }
        CloudEvent event;
        try {
            event = mapper.readValue(value, CloudEvent.class);
        } catch (IOException e) {
            throw new UnprocessableEventException("not a CloudEvent in JSON: " + e.getMessage(), e);
        }
        if (event.id() == null || event.type() == null || event.data() == null) {
            throw new UnprocessableEventException("CloudEvent without id, type or data");
        }
        if (!CloudEvent.SPEC_VERSION.equals(event.specversion())) {
            throw new UnprocessableEventException("unsupported CloudEvents specversion " + event.specversion());
        }
        return event;
    }

    /** The envelope and its typed payload, after any upcasting. */
    public Decoded decode(byte[] value) {
        return decode(readEnvelope(value));
    }

    public Decoded decode(CloudEvent event) {
        JsonNode data = event.data();
        String typeName = event.type();
        Upcaster upcaster = upcasters.get(typeName);
        if (upcaster != null) {
            if (!(data instanceof ObjectNode object)) {
                throw new UnprocessableEventException("data of " + typeName + " is not an object");
            }
            data = upcaster.rewrite().apply(object.deepCopy());
            typeName = upcaster.target().type();
        }
        String resolved = typeName;
        EventType type = EventType.ofType(resolved)
                .orElseThrow(() -> new UnprocessableEventException("unknown event type or version: " + resolved));
        IntegrationEvent payload;
        try {
            payload = mapper.treeToValue(data, type.payloadType());
        } catch (IOException | IllegalArgumentException e) {
            throw new UnprocessableEventException("data does not fit " + resolved + ": " + e.getMessage(), e);
        }
        return new Decoded(event, type, payload);
    }

    public record Decoded(CloudEvent envelope, EventType type, IntegrationEvent payload) {

        public String eventId() {
            return envelope.id();
        }
    }
}
