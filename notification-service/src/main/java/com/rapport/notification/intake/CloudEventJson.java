package com.rapport.notification.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.rapport.events.CloudEventCodec;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/** A received CloudEvent kept as JSON (for webhooks, and for commission facts told on their own) and read back. */
@Component
public class CloudEventJson {

    private final CloudEventCodec codec;

    public CloudEventJson(CloudEventCodec codec) {
        this.codec = codec;
    }

    public String write(CloudEventCodec.Decoded event) {
        try {
            return codec.mapper().writeValueAsString(event.envelope());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write back the CloudEvent " + event.eventId(), e);
        }
    }

    public CloudEventCodec.Decoded read(String json) {
        return codec.decode(json.getBytes(StandardCharsets.UTF_8));
    }
}
