package com.rapport.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.extensions.DistributedTracingExtension;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.ExtensionProvider;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Writes and reads the CloudEvents of the contract with the CloudEvents SDK (structured mode, its Jackson JSON
 * format, the distributed-tracing extension). Producers call {@link #encode} (or {@link #cloudEvent} to hand the
 * event to the SDK's Kafka binding); consumers call {@link #decode} and get either the typed payload or an
 * {@link UnprocessableEventException} that belongs on the dead-letter topic.
 *
 * <p>Records are read from their value alone, whatever their headers: records written before the SDK carry no
 * {@code content-type} header (see GoldenRecordsTest and docs/DECISIONS.md, "CloudEvents SDK").
 *
 * <p>Evolution: adding a field keeps the version (unknown fields are ignored when reading). A breaking change
 * gets a new {@code .vN} type; the old type stays readable by registering an upcaster that rewrites its
 * {@code data} into the new shape, for as long as old records are stored anywhere.
 */
public final class CloudEventCodec {

    /** The SDK's JSON event format ({@code application/cloudevents+json}). */
    public static final EventFormat FORMAT = new JsonFormat();

    private final ObjectMapper mapper;
    private final URI source;
    private final Map<String, Upcaster> upcasters;

    /** Rewrites the data of an old event type into the shape of a newer one. */
    public record Upcaster(EventType target, UnaryOperator<ObjectNode> rewrite) {
    }

    public CloudEventCodec(String source) {
        this(source, Map.of());
    }

    public CloudEventCodec(String source, Map<String, Upcaster> upcastersByOldType) {
        this.source = URI.create(source);
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

    /** The mapper of payloads ({@code data}). */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** The SDK event carrying {@code payload}, without trace context. */
    public io.cloudevents.CloudEvent cloudEvent(String eventId, Instant time, IntegrationEvent payload) {
        return cloudEvent(eventId, time, payload, null, null);
    }

    /** The SDK event with the distributed-tracing extension ({@code traceparent}, {@code tracestate}; either null). */
    public io.cloudevents.CloudEvent cloudEvent(String eventId, Instant time, IntegrationEvent payload,
                                                String traceparent, String tracestate) {
        EventType type = EventType.of(payload);
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(eventId)
                .withSource(source)
                .withType(type.type())
                .withSubject(payload.subject())
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataContentType(CloudEvent.JSON)
                .withData(JsonCloudEventData.wrap(mapper.valueToTree(payload)));
        if (traceparent != null) {
            DistributedTracingExtension trace = new DistributedTracingExtension();
            trace.setTraceparent(traceparent);
            trace.setTracestate(tracestate);
            builder.withExtension(trace);
        }
        return builder.build();
    }

    /** The envelope as this project reads it, with the distributed-tracing extension (either may be null). */
    public CloudEvent envelope(String eventId, Instant time, IntegrationEvent payload) {
        return envelope(eventId, time, payload, null, null);
    }

    public CloudEvent envelope(String eventId, Instant time, IntegrationEvent payload, String traceparent,
                               String tracestate) {
        return view(cloudEvent(eventId, time, payload, traceparent, tracestate));
    }

    public byte[] encode(String eventId, Instant time, IntegrationEvent payload) {
        return encode(eventId, time, payload, null, null);
    }

    public byte[] encode(String eventId, Instant time, IntegrationEvent payload, String traceparent,
                         String tracestate) {
        return FORMAT.serialize(cloudEvent(eventId, time, payload, traceparent, tracestate));
    }

    /** A received event written back in the same format, e.g. as the body of a webhook call. */
    public String write(Decoded event) {
        return new String(FORMAT.serialize(event.cloudEvent()), StandardCharsets.UTF_8);
    }

    /** Reads a record's value with the SDK's JSON format; anything that is not a CloudEvent 1.0 is unprocessable. */
    public io.cloudevents.CloudEvent readCloudEvent(byte[] value) {
        if (value == null) {
            throw new UnprocessableEventException("empty record");
        }
        io.cloudevents.CloudEvent event;
        try {
            event = FORMAT.deserialize(value);
        } catch (RuntimeException e) {
            // the reason EVENTS.md names first: a type or version this consumer does not know
            String type = typeIn(value);
            if (type != null && EventType.ofType(type).isEmpty() && !upcasters.containsKey(type)) {
                throw new UnprocessableEventException("unknown event type or version: " + type, e);
            }
            Throwable reason = e.getCause() != null ? e.getCause() : e;
            throw new UnprocessableEventException("not a CloudEvent in JSON: " + reason.getMessage(), e);
        }
        if (event.getSpecVersion() != SpecVersion.V1) {
            throw new UnprocessableEventException("unsupported CloudEvents specversion "
                    + event.getSpecVersion().toString());
        }
        if (event.getData() == null) {
            throw new UnprocessableEventException("CloudEvent without id, type or data");
        }
        return event;
    }

    private String typeIn(byte[] value) {
        try {
            JsonNode type = mapper.readTree(value).get("type");
            return type != null && type.isTextual() ? type.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The envelope of a record's value, its attributes as this project reads them. */
    public CloudEvent readEnvelope(byte[] value) {
        return view(readCloudEvent(value));
    }

    /** The envelope and its typed payload, after any upcasting. */
    public Decoded decode(byte[] value) {
        return decode(readCloudEvent(value));
    }

    public Decoded decode(io.cloudevents.CloudEvent event) {
        CloudEvent envelope = view(event);
        JsonNode data = envelope.data();
        String typeName = envelope.type();
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
        return new Decoded(event, envelope, type, payload);
    }

    private CloudEvent view(io.cloudevents.CloudEvent event) {
        DistributedTracingExtension trace = ExtensionProvider.getInstance()
                .parseExtension(DistributedTracingExtension.class, event);
        return new CloudEvent(event.getSpecVersion().toString(), event.getId(),
                event.getSource() == null ? null : event.getSource().toString(), event.getType(), event.getSubject(),
                event.getTime() == null ? null : event.getTime().toInstant(), event.getDataContentType(),
                dataOf(event), trace == null ? null : trace.getTraceparent(),
                trace == null ? null : trace.getTracestate());
    }

    private JsonNode dataOf(io.cloudevents.CloudEvent event) {
        CloudEventData data = event.getData();
        if (data == null) {
            return null;
        }
        if (data instanceof JsonCloudEventData json) {
            return json.getNode();
        }
        try {
            return mapper.readTree(data.toBytes());
        } catch (IOException e) {
            throw new UnprocessableEventException("data of " + event.getType() + " is not JSON: " + e.getMessage(), e);
        }
    }

    /** A received event: the SDK's event, its envelope as this project reads it, its type and typed payload. */
    public record Decoded(io.cloudevents.CloudEvent cloudEvent, CloudEvent envelope, EventType type,
                          IntegrationEvent payload) {

        public String eventId() {
            return envelope.id();
        }
    }
}
