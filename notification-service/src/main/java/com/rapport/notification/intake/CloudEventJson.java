package com.rapport.notification.intake;

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
        return codec.write(event);
    }

    public CloudEventCodec.Decoded read(String json) {
        return codec.decode(json.getBytes(StandardCharsets.UTF_8));
    }
}
