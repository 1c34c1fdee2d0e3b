package com.rapport.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode, as carried in every Kafka record's value.
 * {@code id} is the id of the domain event it carries, so relaying the same event twice yields the same id.
 *
 * <p>{@code traceparent} and {@code tracestate} are the CloudEvents distributed-tracing extension (W3C Trace Context
 * of the request that caused the event); optional, and left out of the JSON when absent, so a record without a trace
 * is written byte for byte as before the extension existed.
 */
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        JsonNode data,
        @JsonInclude(JsonInclude.Include.NON_NULL) String traceparent,
        @JsonInclude(JsonInclude.Include.NON_NULL) String tracestate) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    /** An event without trace context. */
    public CloudEvent(String specversion, String id, String source, String type, String subject, Instant time,
                      String datacontenttype, JsonNode data) {
        this(specversion, id, source, type, subject, time, datacontenttype, data, null, null);
    }
}
