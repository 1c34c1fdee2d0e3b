package com.rapport.notification.delivery.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rapport.notification.delivery.DeliveryChannel;
import com.rapport.notification.delivery.DeliveryResult;
import com.rapport.notification.delivery.RetryPolicy;
import com.rapport.notification.inbox.Channel;
import com.rapport.notification.inbox.Notification;
import com.rapport.notification.preference.PreferencesLookup;
import com.rapport.notification.preference.Webhook;
import com.rapport.support.tracing.TraceContexts;
import org.springframework.stereotype.Component;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Posts the notification's CloudEvent to the partner's webhook the Standard Webhooks way: {@code webhook-id} is the
 * notification id (the same on every retry, so the receiver can deduplicate), {@code webhook-timestamp} the time of
 * this attempt, {@code webhook-signature} over both and the body. Any 2xx is delivered; another status or no answer
 * within the timeout is retried. The host is resolved once and the connection goes to the address that was checked
 * ({@link WebhookAddresses}). What went wrong is logged; the delivery log, which the partner reads, says only
 * "delivery failed" and the status, so the service cannot be used to probe what lies behind it. Waits for the
 * answer: delivery threads only. The call carries a {@code traceparent} that continues the trace of the CloudEvent.
 */
@Component
public class WebhookChannel implements DeliveryChannel {

    static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";
    static final String FAILED = "delivery failed";

    private static final Logger log = LoggerFactory.getLogger(WebhookChannel.class);
    private static final ObjectMapper TRACE_READER = new ObjectMapper();

    private final PreferencesLookup preferences;
    private final WebhookProperties properties;
    private final Clock clock;
    private final WebhookHostResolver resolver;
    private final TraceContexts traces;

    @Autowired
    public WebhookChannel(PreferencesLookup preferences, WebhookProperties properties, Clock clock,
                          TraceContexts traces) {
        this(preferences, properties, clock, WebhookHostResolver.system(), traces);
    }

    public WebhookChannel(PreferencesLookup preferences, WebhookProperties properties, Clock clock,
                          WebhookHostResolver resolver) {
        this(preferences, properties, clock, resolver, TraceContexts.none());
    }

    public WebhookChannel(PreferencesLookup preferences, WebhookProperties properties, Clock clock,
                          WebhookHostResolver resolver, TraceContexts traces) {
        this.preferences = preferences;
        this.properties = properties;
        this.clock = clock;
        this.resolver = resolver;
        this.traces = traces;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public RetryPolicy retryPolicy() {
        return properties.retry();
    }

    @Override
    public DeliveryResult deliver(Notification notification) {
        // the call continues the trace of the request that caused the event (kept in the CloudEvent it posts)
        try (TraceContexts.Continued trace = traces.continueFrom(traceOf(notification.cloudEvent()),
                "webhook delivery")) {
            return deliver(notification, trace.headers());
        }
    }

    private DeliveryResult deliver(Notification notification, Map<String, String> traceHeaders) {
        Webhook webhook = preferences.of(notification.recipient()).webhook();
        if (webhook == null) {
            return DeliveryResult.withdrawn("the webhook was removed before it could be called");
        }
        String id = notification.notificationId();
        URI url;
        try {
            url = URI.create(webhook.url());
        } catch (IllegalArgumentException notAUrl) {
            log.info("Webhook {} not called: {}", id, notAUrl.getMessage());
            return DeliveryResult.refused(FAILED);
        }
        WebhookAddresses.Target target = WebhookAddresses.target(url, properties.allowPrivateAddresses(), resolver);
        if (target.isRefused()) {
            log.info("Webhook {} not called: {}", id, target.refusal());
            // a name that does not resolve now may later (DNS outage, receiver being set up): tried again, never
            // connected to unresolved; the other refusals will not change by retrying
            return target.unresolved() ? DeliveryResult.failedForNow(FAILED) : DeliveryResult.refused(FAILED);
        }
        long timestamp = clock.instant().getEpochSecond();
        String body = notification.cloudEvent();
        String signature = WebhookSignature.sign(webhook.secret(), id, timestamp, body);
        Duration timeout = properties.timeout();
        HttpClient http = HttpClient.create(ConnectionProvider.newConnection())
                .resolver(new PinnedAddressResolverGroup(target.address()))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .responseTimeout(timeout)
                .followRedirect(false)
                .headers(headers -> {
                    headers.set("content-type", CONTENT_TYPE)
                            .set("webhook-id", id)
                            .set("webhook-timestamp", String.valueOf(timestamp))
                            .set("webhook-signature", signature);
                    traceHeaders.forEach(headers::set);
                });
        try {
            Integer status = http.post().uri(url)
                    .send(ByteBufFlux.fromString(Mono.just(body), StandardCharsets.UTF_8,
                            ByteBufAllocator.DEFAULT))
                    .response()
                    .map(response -> response.status().code())
                    .block(timeout.multipliedBy(2));
            if (status != null && status / 100 == 2) {
                return DeliveryResult.delivered();
            }
            log.info("Webhook {} of partner {} answered {}", id, notification.partnerId(), status);
            return DeliveryResult.failedForNow(status == null ? FAILED : FAILED + " (status " + status + ")");
        } catch (RuntimeException unreachable) {
            log.info("Webhook {} of partner {} not reached at {}: {}", id, notification.partnerId(),
                    target.address().getHostAddress(), unreachable.toString());
            return DeliveryResult.failedForNow(FAILED);
        }
    }

    /** The CloudEvent's distributed-tracing attributes; none if it has none or is not readable JSON. */
    static Map<String, String> traceOf(String cloudEvent) {
        if (cloudEvent == null) {
            return Map.of();
        }
        try {
            JsonNode json = TRACE_READER.readTree(cloudEvent);
            return TraceContexts.of(json.path(TraceContexts.TRACEPARENT).textValue(),
                    json.path(TraceContexts.TRACESTATE).textValue());
        } catch (JsonProcessingException notJson) {
            return Map.of();
        }
    }
}
