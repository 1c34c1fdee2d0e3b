package com.rapport.support.operations;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Freshness: from the CloudEvent's time to the end of handling, per topic. */
class EventFreshnessTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:05Z");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final EventFreshness freshness = new EventFreshness(meters, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aStructuredCloudEventIsDatedByItsTimeFieldWhereverItStands() {
        String body = """
                {"specversion":"1.0","id":"e-1","data":{"time":"1999-01-01T00:00:00Z","nested":[1,2]},
                 "source":"/referral-service","time":"2026-12-02T10:00:02.500Z","type":"x"}""";
        freshness.success(record("referral-events", body.getBytes(StandardCharsets.UTF_8)), null);

        Timer timer = meters.get(EventFreshness.METRIC).tag("topic", "referral-events").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2500);
    }

    @Test
    void aBinaryModeEventIsDatedByItsCeTimeHeader() {
        ConsumerRecord<Object, Object> record = record("commission-events", new byte[]{1, 2, 3});
        record.headers().add(new RecordHeader("ce_time", "2026-12-02T10:00:04Z".getBytes(StandardCharsets.UTF_8)));
        freshness.success(record, null);

        assertThat(meters.get(EventFreshness.METRIC).tag("topic", "commission-events").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1000);
    }

    @Test
    void aRecordWithoutAReadableTimeIsNotCounted() {
        freshness.success(record("referral-events", "not json".getBytes(StandardCharsets.UTF_8)), null);
        freshness.success(record("referral-events", "{\"time\":\"yesterday\"}".getBytes(StandardCharsets.UTF_8)),
                null);
        freshness.success(record("referral-events", "{\"id\":\"no time\"}".getBytes(StandardCharsets.UTF_8)), null);

        assertThat(meters.find(EventFreshness.METRIC).timers()).isEmpty();
    }

    private static ConsumerRecord<Object, Object> record(String topic, byte[] value) {
        return new ConsumerRecord<>(topic, 0, 0L, "key", value);
    }
}
