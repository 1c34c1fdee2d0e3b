package com.rapport.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * The attributes of a received CloudEvents 1.0 event as this project reads them, {@code data} left as JSON. The
 * envelope itself is written and read by the CloudEvents SDK ({@link CloudEventCodec}); this view keeps callers (and
 * tests that look at records) free of the SDK's types. {@code id} is the id of the domain event it carries, so
 * relaying the same event twice yields the same id.
 *
 * <p>{@code traceparent} and {@code tracestate} are the CloudEvents distributed-tracing extension (W3C Trace Context
 * of the request that caused the event); optional, and absent from the JSON when absent.
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
