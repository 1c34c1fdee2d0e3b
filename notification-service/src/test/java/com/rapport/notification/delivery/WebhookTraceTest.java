package com.rapport.notification.delivery;

import com.rapport.notification.WebhookReceiver;
import com.rapport.notification.delivery.webhook.WebhookChannel;
import com.rapport.notification.delivery.webhook.WebhookProperties;
import com.rapport.notification.inbox.Notification;
import com.rapport.notification.preference.Frequency;
import com.rapport.notification.preference.PartnerPreferences;
import com.rapport.notification.preference.PreferencesLookup;
import com.rapport.notification.preference.Webhook;
import com.rapport.support.id.PartnerId;
import com.rapport.support.tracing.TraceContexts;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A webhook call continues the trace of the request that caused its event: the CloudEvent it posts carries the
 * {@code traceparent} (distributed-tracing extension) and the HTTP request a child of it. Against a real local
 * HTTP endpoint.
 */
class WebhookTraceTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-b7ad6b7169203331-01";

    private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder().build();
    private final io.opentelemetry.api.trace.Tracer otelTracer = tracerProvider.get("test");
    private final TraceContexts traces = new TraceContexts(
            new OtelTracer(otelTracer, new OtelCurrentTraceContext(), event -> {
            }),
            new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otelTracer));
    private final PreferencesLookup preferences = mock(PreferencesLookup.class);

    @AfterEach
    void close() {
        tracerProvider.close();
    }

    @Test
    void theCallCarriesATraceparentOfTheCloudEventsTrace() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            DeliveryResult result = channel().deliver(notification(receiver.url(),
                    "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"traceparent\":\"" + TRACEPARENT + "\"}"));

            assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
            assertThat(receiver.received()).singleElement().satisfies(call ->
                    assertThat(call.header("traceparent")).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
                            .isNotEqualTo(TRACEPARENT));
        }
    }

    @Test
    void anEventWithoutTraceIsCalledInANewTrace() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            channel().deliver(notification(receiver.url(), "{\"specversion\":\"1.0\",\"id\":\"e-1\"}"));

            assertThat(receiver.received()).singleElement().satisfies(call ->
                    assertThat(call.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")
                            .doesNotContain(TRACE_ID));
        }
    }

    private WebhookChannel channel() {
        return new WebhookChannel(preferences, new WebhookProperties(Duration.ofSeconds(2),
                new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1)), true),
                Clock.systemUTC(), host -> new java.net.InetAddress[]{java.net.InetAddress.getLoopbackAddress()},
                traces);
    }

    private Notification notification(String url, String cloudEvent) {
        when(preferences.of(PartnerId.of("p-1"))).thenReturn(new PartnerPreferences("p-1", true,
                new Webhook(url, "secret"), Frequency.IMMEDIATE, Set.of(), null, null, null));
        return new Notification("n-1", "e-1", "p-1", null, "rapport.referral.submitted.v1", "en", "subject",
                List.of("body"), Instant.now(), Map.of(), cloudEvent, null);
    }
}
