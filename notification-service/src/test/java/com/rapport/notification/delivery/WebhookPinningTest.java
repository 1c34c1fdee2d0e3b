package com.rapport.notification.delivery;

import com.rapport.notification.WebhookReceiver;
import com.rapport.notification.delivery.webhook.WebhookChannel;
import com.rapport.notification.delivery.webhook.WebhookHostResolver;
import com.rapport.notification.delivery.webhook.WebhookProperties;
import com.rapport.notification.inbox.Notification;
import com.rapport.notification.preference.Frequency;
import com.rapport.notification.preference.PartnerPreferences;
import com.rapport.notification.preference.PreferencesLookup;
import com.rapport.notification.preference.Webhook;
import com.rapport.support.id.PartnerId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Issue 10 defect 8, against a real local HTTP endpoint: the webhook's host is resolved once and the call goes to
 * the address that was checked, under the host's name; the delivery log tells the partner nothing but the status.
 */
class WebhookPinningTest {

    private static final String HOST = "hooks.partner.test";

    private final PreferencesLookup preferences = mock(PreferencesLookup.class);

    private WebhookChannel channel(boolean allowPrivate, WebhookHostResolver resolver) {
        return new WebhookChannel(preferences, new WebhookProperties(Duration.ofSeconds(2),
                new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1)), allowPrivate),
                Clock.systemUTC(), resolver);
    }

    private Notification notificationWithWebhook(String url) {
        when(preferences.of(PartnerId.of("p-1"))).thenReturn(new PartnerPreferences("p-1", true,
                new Webhook(url, "secret"), Frequency.IMMEDIATE, Set.of(), null, null, null));
        return new Notification("n-1", "e-1", "p-1", null, "rapport.referral.submitted.v1", "en", "subject",
                List.of("body"), Instant.now(), Map.of(), "{\"specversion\":\"1.0\"}", null);
    }

    @Nested
    class AWebhookHostName {

        @Test
        void isResolvedOnceAndCalledAtThatAddressUnderItsName() throws UnknownHostException {
            try (WebhookReceiver receiver = new WebhookReceiver()) {
                int port = URI.create(receiver.url()).getPort();
                AtomicInteger lookups = new AtomicInteger();
                InetAddress loopback = InetAddress.getByName("127.0.0.1");
                DeliveryResult result = channel(true, host -> {
                    lookups.incrementAndGet();
                    return new InetAddress[]{loopback};
                }).deliver(notificationWithWebhook("http://" + HOST + ":" + port + "/hook"));

                assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
                assertThat(lookups).hasValue(1);
                assertThat(receiver.received()).singleElement()
                        .satisfies(call -> assertThat(call.header("host")).isEqualTo(HOST + ":" + port));
            }
        }

        /** DNS rebinding: public when checked, loopback when the HTTP client would have asked again. */
        @Test
        void thatAnswersAPrivateAddressTheSecondTimeIsNeverCalledThere() throws UnknownHostException {
            try (WebhookReceiver receiver = new WebhookReceiver()) {
                int port = URI.create(receiver.url()).getPort();
                AtomicInteger lookups = new AtomicInteger();
                // TEST-NET-3: public by its range, and nothing answers there
                InetAddress publicOne = InetAddress.getByName("203.0.113.7");
                InetAddress loopback = InetAddress.getByName("127.0.0.1");
                DeliveryResult result = channel(false, host -> new InetAddress[]{
                        lookups.getAndIncrement() == 0 ? publicOne : loopback})
                        .deliver(notificationWithWebhook("http://" + HOST + ":" + port + "/hook"));

                assertThat(receiver.received()).isEmpty();
                assertThat(lookups).hasValue(1);
                assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.FAILED_FOR_NOW);
                assertThat(result.error()).isEqualTo("delivery failed");
            }
        }

        @Test
        void thatCannotBeResolvedIsNotCalledAndTriedAgainLater() {
            DeliveryResult result = channel(true, host -> {
                throw new UnknownHostException(host);
            }).deliver(notificationWithWebhook("http://" + HOST + "/hook"));
            assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.FAILED_FOR_NOW);
            assertThat(result.error()).isEqualTo("delivery failed");
        }
    }

    @Nested
    class TheDeliveryLog {

        @Test
        void saysOnlyTheStatusAnEndpointAnswered() {
            try (WebhookReceiver receiver = new WebhookReceiver(503)) {
                DeliveryResult result = channel(true, WebhookHostResolver.system())
                        .deliver(notificationWithWebhook(receiver.url()));
                assertThat(result.error()).isEqualTo("delivery failed (status 503)");
            }
        }

        /** Issue 10 defect 8: "no answer from the endpoint: java.net.ConnectException..." told a scanner the port was shut. */
        @Test
        void saysNothingOfWhyNothingAnswered() throws Exception {
            int closedPort;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            DeliveryResult result = channel(true, WebhookHostResolver.system())
                    .deliver(notificationWithWebhook("http://127.0.0.1:" + closedPort + "/hook"));
            assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.FAILED_FOR_NOW);
            assertThat(result.error()).isEqualTo("delivery failed");
        }

        @Test
        void saysNothingOfWhyAnAddressWasRefused() {
            DeliveryResult result = channel(false, WebhookHostResolver.system())
                    .deliver(notificationWithWebhook("http://169.254.169.254/latest/meta-data"));
            assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.REFUSED);
            assertThat(result.error()).isEqualTo("delivery failed");
        }
    }
}
