package com.rapport.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.events.Topics;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13's trace journey (API.md "Operations"): a partner's call to the gateway with a W3C {@code traceparent}
 * leads to one trace id on the event's Kafka record (CloudEvents distributed-tracing attribute and header), in
 * commission-service's and notification-service's logs where they handle it, and on the partner's webhook call.
 */
class TraceJourneyIT {

    private final Journeys journeys = new Journeys();
    private final Api api = journeys.api;

    @Test
    void aTraceparentSentToTheGatewayReachesTheRecordTheConsumersLogsAndTheWebhook() throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
        Journeys.Partner partner = journeys.partner("trace");
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            Api.Response preferences = api.put("/api/notification-preferences/" + partner.id(), partner.token(),
                    Map.of("email", false, "webhook", Map.of("url", receiver.url(), "secret", "trace-journey-secret"),
                            "frequency", "IMMEDIATE", "mutedEventTypes", List.of()));
            assertThat(preferences.status()).as(preferences.toString()).isEqualTo(200);

            Api.Response submitted = api.send("POST", "/api/referrals", partner.token(),
                    Api.JSON.writeValueAsString(Journeys.referralBody("Traced Ltd " + journeys.run,
                            "contact-" + journeys.run + "@client.example")),
                    "application/json", Map.of("traceparent", traceparent));
            assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
            String referral = submitted.json().path("referralId").asText();

            // the record of referral.submitted: the trace as CloudEvent attribute and as the W3C header
            var record = journeys.records(Topics.REFERRAL_EVENTS, referral::equals, 1).get(0);
            JsonNode event = Journeys.json(record.value());
            assertThat(event.path("type").asText()).isEqualTo("rapport.referral.submitted.v1");
            assertThat(event.path("traceparent").asText()).startsWith("00-" + traceId + "-");
            Header header = record.headers().lastHeader("traceparent");
            assertThat(header).isNotNull();
            assertThat(new String(header.value(), StandardCharsets.UTF_8)).isEqualTo(event.path("traceparent").asText());

            // each consumer handled it inside the trace: its log line carries the trace id
            Path logs = journeys.stack.options().dataDir().resolve("logs");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                assertThat(linesWith(logs.resolve("commission-service.log"), traceId))
                        .anySatisfy(line -> assertThat(line).contains("Handled " + Topics.REFERRAL_EVENTS)
                                .contains(referral));
                assertThat(linesWith(logs.resolve("notification-service.log"), traceId))
                        .anySatisfy(line -> assertThat(line).contains("Handled " + Topics.REFERRAL_EVENTS)
                                .contains(referral));
            });

            // the partner's webhook is called in the same trace, with the CloudEvent's trace in its body
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    assertThat(receiver.attempts()).anySatisfy(attempt -> {
                        assertThat(Journeys.json(attempt.body()).path("subject").asText()).isEqualTo(referral);
                        assertThat(attempt.traceparent()).startsWith("00-" + traceId + "-");
                        assertThat(Journeys.json(attempt.body()).path("traceparent").asText())
                                .startsWith("00-" + traceId + "-");
                    }));
        }
    }

    private static List<String> linesWith(Path log, String text) throws IOException {
        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains(text)).toList();
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
