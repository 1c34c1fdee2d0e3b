package com.rapport.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 5's journeys through the gateway, with the stack's real SMTP server and a real webhook receiver: a French
 * partner with a webhook during an SMTP outage, muted types and outcomes, a daily digest, and the live feed.
 */
class NotificationsIT {

    private static final String SECRET = "a-shared-secret-for-webhooks";

    private final Journeys journeys = new Journeys();
    private final Api api = journeys.api;

    @Test
    void aFrenchPartnerIsToldOnceByEmailAndBySignedWebhooksThroughAnSmtpOutage() throws Exception {
        Journeys.Partner partner = journeys.partner("fr", "fr", null);
        try (WebhookReceiver receiver = new WebhookReceiver(2)) {
            Api.Response preferences = api.put("/api/notification-preferences/" + partner.id(), partner.token(),
                    Map.of("email", true, "webhook", Map.of("url", receiver.url(), "secret", SECRET),
                            "frequency", "IMMEDIATE",
                            "mutedEventTypes", List.of("rapport.referral.qualified.v1",
                                    "rapport.referral.contract-signed.v1", "rapport.commission.rate-locked.v1")));
            assertThat(preferences.status()).as(preferences.toString()).isEqualTo(200);

            journeys.stack.smtp().stop();
            String referral;
            try {
                referral = journeys.submit(partner, "Société Générale du Test " + journeys.run);
                journeys.act(referral, "qualify", null);
                journeys.act(referral, "contract", Journeys.contract("10000.00", "EUR"));
                // while the mail server is away the emails wait, with the failure in the delivery log
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        delivery(notificationOf(partner, "rapport.referral.submitted.v1"), "EMAIL")
                                .path("lastError").asText()).isNotBlank());
            } finally {
                journeys.stack.smtp().start();
            }

            // submitted and the contract (an outcome, delivered though muted) arrive once each; qualified does not
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(journeys.mailTo(partner.email())).hasSize(2));
            Thread.sleep(3000);
            List<MimeMessage> mail = journeys.mailTo(partner.email());
            assertThat(mail).hasSize(2);
            List<String> subjects = mail.stream().map(NotificationsIT::subject).toList();
            assertThat(subjects).anySatisfy(s -> assertThat(s).startsWith("Recommandation reçue"))
                    .anySatisfy(s -> assertThat(s).startsWith("Contrat signé avec"));

            JsonNode qualified = notificationOf(partner, "rapport.referral.qualified.v1");
            assertThat(delivery(qualified, "EMAIL").path("status").asText()).isEqualTo("SUPPRESSED");
            assertThat(delivery(qualified, "WEBHOOK").path("status").asText()).isEqualTo("SUPPRESSED");
            assertThat(qualified.path("language").asText()).isEqualTo("fr");

            // the webhook answered 500 twice then 200: three attempts of one id, each signed
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(receiver.attempts().stream().filter(a -> a.answered() == 200).count())
                            .isGreaterThanOrEqualTo(2));
            Map<String, List<WebhookReceiver.Attempt>> byId = receiver.attempts().stream()
                    .collect(Collectors.groupingBy(WebhookReceiver.Attempt::id));
            assertThat(byId).hasSize(2);
            byId.values().forEach(attempts -> {
                assertThat(attempts).extracting(WebhookReceiver.Attempt::answered).containsExactly(500, 500, 200);
                attempts.forEach(NotificationsIT::assertSignedWithTheSecret);
            });
            assertThat(byId.values().stream().flatMap(List::stream).map(a -> Journeys.json(a.body())
                    .path("subject").asText())).containsOnly(referral);
            JsonNode submitted = notificationOf(partner, "rapport.referral.submitted.v1");
            assertThat(delivery(submitted, "WEBHOOK").path("attempts").asInt()).isEqualTo(3);
            assertThat(delivery(submitted, "WEBHOOK").path("status").asText()).isEqualTo("SENT");
        }
    }

    @Test
    void aDailyDigestPartnerGetsOneEmailGatheringItsNews() {
        Journeys.Partner partner = journeys.partner("digest");
        assertThat(api.put("/api/notification-preferences/" + partner.id(), partner.token(),
                Map.of("email", true, "frequency", "DAILY_DIGEST", "mutedEventTypes", List.of())).status())
                .isEqualTo(200);
        String referral = journeys.submit(partner, "Digest Ltd " + journeys.run);
        journeys.act(referral, "qualify", null);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(journeys.mailTo(partner.email())).hasSize(1));
        journeys.act(referral, "reject", Map.of("reason", "out of scope"));
        await().during(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(journeys.mailTo(partner.email())).hasSize(1));
        assertThat(MailView.textOf(journeys.mailTo(partner.email()).get(0))).contains("Digest Ltd " + journeys.run);
    }

    @Test
    void thePortalFeedReceivesNotificationsLive() throws Exception {
        Journeys.Partner partner = journeys.partner("live");
        LiveFeed feed = LiveFeed.open(journeys.stack.gatewayUrl(), partner.token());
        List<String> lines = feed.lines;
        assertThat(feed.response.statusCode()).isEqualTo(200);
        assertThat(feed.response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");

        String referral = journeys.submit(partner, "Live Feed Ltd " + journeys.run);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(lines)
                .anySatisfy(line -> assertThat(line).startsWith("data:").contains(referral)));
        feed.response.body().close();
    }

    private JsonNode notificationOf(Journeys.Partner partner, String type) {
        JsonNode items = api.get("/api/notifications?size=100", partner.token()).json().path("items");
        return StreamSupport.stream(items.spliterator(), false)
                .filter(n -> n.path("eventType").asText().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + items));
    }

    private static JsonNode delivery(JsonNode notification, String channel) {
        return StreamSupport.stream(notification.path("deliveries").spliterator(), false)
                .filter(d -> d.path("channel").asText().equals(channel)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + channel + " delivery in " + notification));
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Standard Webhooks: v1,base64(HMAC-SHA256(secret, "id.timestamp.body")), checked independently here. */
    private static void assertSignedWithTheSecret(WebhookReceiver.Attempt attempt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signed = attempt.id() + "." + attempt.timestamp() + "." + attempt.body();
            String expected = "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
            assertThat(Arrays.asList(attempt.signature().split(" "))).contains(expected);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
