package com.rapport.events;

import com.rapport.events.referral.ReferralQualifiedV1;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The CloudEvents distributed-tracing extension is an optional attribute: additive, and absent means as before. */
class CloudEventTracingExtensionTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final CloudEventCodec codec = new CloudEventCodec("/referral-service");
    private final ReferralQualifiedV1 qualified = new ReferralQualifiedV1("r-1", "p-1");
    private final Instant time = Instant.parse("2026-11-20T10:00:01Z");

    @Test
    void anEventWithoutTraceIsWrittenAsBeforeTheExtension() throws Exception {
        // the same JSON members and values; their order is the SDK's (GoldenRecordsTest, docs/DECISIONS.md)
        assertThat(codec.mapper().readTree(codec.encode("evt-1", time, qualified))).isEqualTo(codec.mapper().readTree(
                "{\"specversion\":\"1.0\",\"id\":\"evt-1\",\"source\":\"/referral-service\","
                        + "\"type\":\"rapport.referral.qualified.v1\",\"subject\":\"r-1\","
                        + "\"time\":\"2026-11-20T10:00:01Z\",\"datacontenttype\":\"application/json\","
                        + "\"data\":{\"referralId\":\"r-1\",\"partnerId\":\"p-1\",\"shares\":[]}}"));
    }

    @Test
    void theTraceContextIsATopLevelAttributeAndReadsBack() throws Exception {
        byte[] bytes = codec.encode("evt-1", time, qualified, TRACEPARENT, "rapport=1");

        var json = codec.mapper().readTree(bytes);
        assertThat(json.get("traceparent").asText()).isEqualTo(TRACEPARENT);
        assertThat(json.get("tracestate").asText()).isEqualTo("rapport=1");
        CloudEventCodec.Decoded decoded = codec.decode(bytes);
        assertThat(decoded.envelope().traceparent()).isEqualTo(TRACEPARENT);
        assertThat(decoded.envelope().tracestate()).isEqualTo("rapport=1");
        assertThat(decoded.payload()).isEqualTo(qualified);
    }

    @Test
    void aRecordWrittenBeforeTheExtensionReadsWithoutTrace() {
        byte[] old = ("{\"specversion\":\"1.0\",\"id\":\"evt-0\",\"source\":\"/referral-service\","
                + "\"type\":\"rapport.referral.qualified.v1\",\"subject\":\"r-1\",\"time\":\"2026-11-20T10:00:01Z\","
                + "\"datacontenttype\":\"application/json\",\"data\":{\"referralId\":\"r-1\",\"partnerId\":\"p-1\"}}")
                .getBytes(StandardCharsets.UTF_8);

        CloudEventCodec.Decoded decoded = codec.decode(old);
        assertThat(decoded.envelope().traceparent()).isNull();
        assertThat(decoded.payload()).isEqualTo(qualified);
    }
}
