package com.rapport.support.operations;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.RecordInterceptor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code rapport.event.freshness{topic}}: how old an integration event is when a consumer has finished handling it,
 * from the CloudEvent's {@code time} (when it happened, i.e. was stored) to the end of the listener: the whole
 * pipeline's delay as a user feels it (relay lag, Kafka, consumer lag, handling). Counted for records handled
 * successfully; a record without a readable {@code time} is not counted. The time is read from a {@code ce_time}
 * header (binary mode) or, in structured mode, by streaming the JSON body up to its {@code time} field.
 */
public class EventFreshness implements RecordInterceptor<Object, Object> {

    public static final String METRIC = "rapport.event.freshness";
    private static final JsonFactory JSON = new JsonFactory();

    private final MeterRegistry meters;
    private final Clock clock;

    public EventFreshness(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                    Consumer<Object, Object> consumer) {
        return record;
    }

    @Override
    public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        Instant time = eventTime(record);
        if (time != null) {
            Timer.builder(METRIC)
                    .tag("topic", record.topic())
                    .description("from an integration event's time to the end of its handling by this consumer")
                    .register(meters)
                    .record(Duration.between(time, clock.instant()).isNegative()
                            ? Duration.ZERO : Duration.between(time, clock.instant()));
        }
    }

    static Instant eventTime(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader("ce_time");
        try {
            if (header != null) {
                return Instant.parse(new String(header.value(), StandardCharsets.UTF_8));
            }
            if (record.value() instanceof byte[] body) {
                return timeField(body);
            }
            if (record.value() instanceof String body) {
                return timeField(body.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException unreadable) {
            // not an event we can date: nothing to measure
        }
        return null;
    }

    /** The top-level {@code time} of a JSON object, reading no further than that field. */
    private static Instant timeField(byte[] body) throws IOException {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("time".equals(name) && value == JsonToken.VALUE_STRING) {
                    return Instant.parse(parser.getText());
                }
                parser.skipChildren();
            }
            return null;
        }
    }
}
