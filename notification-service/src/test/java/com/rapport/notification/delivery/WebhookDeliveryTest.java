package com.rapport.notification.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rapport.notification.IntegrationTest;
import com.rapport.notification.Mailbox;
import com.rapport.notification.TestPartner;
import com.rapport.notification.WebhookReceiver;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks the Standard Webhooks way, against a real local HTTP endpoint: signed, retried with the same
 * {@code webhook-id}, given up after the configured attempts (3 in these tests).
 */
class WebhookDeliveryTest extends IntegrationTest {

    private static final String SUBMITTED = "rapport.referral.submitted.v1";
    private static final String NBSP = "\u00a0";

    @Test
    void aFrenchPartnerGetsFrenchEmailAndSignedWebhooksRetriedUnderOneId() throws Exception {
        String secret = "whsec_" + Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(24));
        try (WebhookReceiver receiver = new WebhookReceiver(500, 500)) {
            TestPartner partner = TestPartner.register("Chloé Dubois", "en");
            putPreferences(partner, """
                    {"email": true, "webhook": {"url": "%s", "secret": "%s"}, "language": "fr"}
                    """.formatted(receiver.url(), secret));
            String client = "Société Générale " + UUID.randomUUID().toString().substring(0, 8);
            String referral = partner.refers(client);

            await().atMost(PATIENCE).until(() -> receiver.received().size() >= 3);
            List<WebhookReceiver.Received> calls = receiver.received();
            assertThat(calls).hasSize(3);
            JsonNode notification = notificationsOf(partner, SUBMITTED).get(0);
            String notificationId = notification.path("notificationId").asText();
            assertThat(calls).extracting(call -> call.header("webhook-id")).containsOnly(notificationId);
            for (WebhookReceiver.Received call : calls) {
                long timestamp = Long.parseLong(call.header("webhook-timestamp"));
                Instant now = clock.instant();
                assertThat(Instant.ofEpochSecond(timestamp)).isBetween(now.minusSeconds(300), now);
                assertThat(call.header("webhook-signature"))
                        .isEqualTo(independentSignature(secret, notificationId, timestamp, call.body()));
                JsonNode event = new ObjectMapper().readTree(call.body());
                assertThat(event.path("specversion").asText()).isEqualTo("1.0");
                assertThat(event.path("type").asText()).isEqualTo(SUBMITTED);
                assertThat(event.path("subject").asText()).isEqualTo(referral);
                assertThat(event.at("/data/client/company").asText()).isEqualTo(client);
            }
            assertThat(calls).extracting(WebhookReceiver.Received::body).containsOnly(calls.get(0).body());

            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode webhook = delivery(notificationsOf(partner, SUBMITTED).get(0), "WEBHOOK");
                assertThat(webhook.path("status").asText()).isEqualTo("SENT");
                assertThat(webhook.path("attempts").asInt()).isEqualTo(3);
                assertThat(webhook.path("lastError").asText()).isEqualTo("delivery failed (status 500)");
            });
            await().atMost(PATIENCE).until(() -> partner.mailbox().messages().size() == 1);
            MimeMessage mail = partner.mailbox().messages().get(0);
            assertThat(Mailbox.subject(mail)).isEqualTo("Recommandation reçue" + NBSP + ": " + client);
            assertThat(Mailbox.plainText(mail)).contains("Bonjour Chloé Dubois,", "Merci d'avoir recommandé " + client,
                    "L'équipe Rapport");
            assertThat(notification.path("language").asText()).isEqualTo("fr");
        }
    }

    @Test
    void aWebhookThatKeepsFailingIsMarkedFailedAfterTheLastAttempt() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.alwaysAnswer(503);
            TestPartner partner = TestPartner.register("Omar Haddad", "en");
            putPreferences(partner, """
                    {"webhook": {"url": "%s", "secret": "plain-secret-for-omar"}}
                    """.formatted(receiver.url()));
            partner.refers("Unreachable Inc " + UUID.randomUUID());

            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode webhook = delivery(notificationsOf(partner, SUBMITTED).get(0), "WEBHOOK");
                assertThat(webhook.path("status").asText()).isEqualTo("FAILED");
                assertThat(webhook.path("attempts").asInt()).isEqualTo(3);
                assertThat(webhook.path("lastError").asText()).isEqualTo("delivery failed (status 503)");
            });
            assertThat(receiver.received()).hasSize(3);
            assertThat(delivery(notificationsOf(partner, SUBMITTED).get(0), "EMAIL").path("status").asText())
                    .isIn("PENDING", "SENT");
        }
    }

    /** Standard Webhooks verification, written here from the scheme, not from the service's code. */
    private static String independentSignature(String secret, String id, long timestamp, String body)
            throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
