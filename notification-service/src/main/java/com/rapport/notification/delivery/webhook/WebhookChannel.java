package com.rapport.notification.delivery.webhook;

import com.rapport.notification.delivery.DeliveryChannel;
import com.rapport.notification.delivery.DeliveryResult;
import com.rapport.notification.delivery.RetryPolicy;
import com.rapport.notification.inbox.Channel;
import com.rapport.notification.inbox.Notification;
import com.rapport.notification.preference.PreferencesLookup;
import com.rapport.notification.preference.Webhook;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * Posts the notification's CloudEvent to the partner's webhook the Standard Webhooks way: {@code webhook-id} is the
 * notification id (the same on every retry, so the receiver can deduplicate), {@code webhook-timestamp} the time of
 * this attempt, {@code webhook-signature} over both and the body. Any 2xx is delivered; another status or no answer
 * within the timeout is retried. Blocking HTTP client: delivery threads only.
 */
@Component
public class WebhookChannel implements DeliveryChannel {

    static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

    private final PreferencesLookup preferences;
    private final WebhookProperties properties;
    private final Clock clock;
    private final HttpClient http;

    public WebhookChannel(PreferencesLookup preferences, WebhookProperties properties, Clock clock) {
        this.preferences = preferences;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
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
        Webhook webhook = preferences.of(notification.partnerId()).webhook();
        if (webhook == null) {
            return DeliveryResult.withdrawn("the webhook was removed before it could be called");
        }
        URI url;
        try {
            url = URI.create(webhook.url());
        } catch (IllegalArgumentException notAUrl) {
            return DeliveryResult.refused("the webhook URL cannot be called: " + notAUrl.getMessage());
        }
        Optional<String> refusal = WebhookAddresses.refusal(url, properties.allowPrivateAddresses());
        if (refusal.isPresent()) {
            return DeliveryResult.refused(refusal.get());
        }
        String id = notification.notificationId();
        long timestamp = clock.instant().getEpochSecond();
        String body = notification.cloudEvent();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(url)
                    .timeout(properties.timeout())
                    .header("content-type", CONTENT_TYPE)
                    .header("webhook-id", id)
                    .header("webhook-timestamp", String.valueOf(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(webhook.secret(), id, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException notAUrl) {
            return DeliveryResult.refused("the webhook URL cannot be called: " + notAUrl.getMessage());
        }
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? DeliveryResult.delivered()
                    : DeliveryResult.failedForNow("the endpoint answered HTTP " + status);
        } catch (IOException unreachable) {
            return DeliveryResult.failedForNow("no answer from the endpoint: " + unreachable);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.failedForNow("interrupted while calling the endpoint");
        }
    }
}
