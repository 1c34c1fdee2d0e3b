package com.rapport.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode, as carried in every Kafka record's value.
 * {@code id} is the id of the domain event it carries, so relaying the same event twice yields the same id.
 */
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
}
