package com.rapport.notification.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rapport.events.referral.ReferralQualifiedV1;
import com.rapport.notification.IntegrationTest;
import com.rapport.notification.TestPartner;
import com.rapport.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/notifications/stream}: a partner's portal hears of each new notification as it is written. */
class LiveFeedTest extends IntegrationTest {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS = new ParameterizedTypeReference<>() {
    };

    @Test
    void aListeningPartnerReceivesEachOfItsNewNotificationsLiveAndNoOneElses() throws Exception {
        TestPartner partner = TestPartner.register("Sam Live", "en");
        TestPartner stranger = TestPartner.register("Stranger", "en");
        BlockingQueue<ServerSentEvent<String>> received = new LinkedBlockingQueue<>();
        Disposable stream = WebClient.create("http://127.0.0.1:" + port).get().uri("/api/notifications/stream")
                .headers(h -> h.setBearerAuth(partner.token())).accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve().bodyToFlux(EVENTS).subscribe(received::add);
        try {
            ServerSentEvent<String> opening = received.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(opening).isNotNull();
            assertThat(opening.comment()).isEqualTo("connected");

            String client = "Live Co " + UUID.randomUUID().toString().substring(0, 8);
            stranger.refers("Somebody Else's Client " + UUID.randomUUID());
            String referral = partner.refers(client);
            JsonNode first = nextNotification(received);
            KAFKA.publish(new ReferralQualifiedV1(referral, partner.partnerId()));
            JsonNode second = nextNotification(received);

            assertThat(first.path("partnerId").asText()).isEqualTo(partner.partnerId());
            assertThat(first.path("eventType").asText()).isEqualTo("rapport.referral.submitted.v1");
            assertThat(first.path("subject").asText()).isEqualTo("Referral received: " + client);
            assertThat(second.path("eventType").asText()).isEqualTo("rapport.referral.qualified.v1");
            assertThat(second.path("referralId").asText()).isEqualTo(referral);
            assertThat(notificationsOf(partner).path("items").findValuesAsText("notificationId"))
                    .containsExactly(second.path("notificationId").asText(), first.path("notificationId").asText());
        } finally {
            stream.dispose();
        }
    }

    @Test
    void theStreamIsAPartners() {
        web.get().uri("/api/notifications/stream").headers(h -> h.setBearerAuth(TestTokens.shared().finance()))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/notifications/stream").exchange().expectStatus().isUnauthorized();
    }

    /** The next {@code notification} event, skipping comments (heartbeats). */
    private JsonNode nextNotification(BlockingQueue<ServerSentEvent<String>> received) throws Exception {
        List<ServerSentEvent<String>> skipped = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            ServerSentEvent<String> event = received.poll(1, TimeUnit.SECONDS);
            if (event != null && "notification".equals(event.event())) {
                JsonNode notification = new ObjectMapper().readTree(event.data());
                assertThat(event.id()).isEqualTo(notification.path("notificationId").asText());
                return notification;
            }
            if (event != null) {
                skipped.add(event);
            }
        }
        throw new AssertionError("no notification event; received only " + skipped);
    }
}
