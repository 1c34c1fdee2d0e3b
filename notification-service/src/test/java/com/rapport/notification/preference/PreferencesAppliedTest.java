package com.rapport.notification.preference;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.events.money.Money;
import com.rapport.events.referral.ContractSignedV1;
import com.rapport.events.referral.ReferralCompletedV1;
import com.rapport.events.referral.ReferralQualifiedV1;
import com.rapport.notification.IntegrationTest;
import com.rapport.notification.Mailbox;
import com.rapport.notification.TestPartner;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Preferences change what is sent: muted types (never outcomes), email off, another language. */
class PreferencesAppliedTest extends IntegrationTest {

    @Test
    void aMutedTypeIsNotSentButAnOutcomeIsMutedOrNot() {
        TestPartner partner = TestPartner.register("Nora Quiet", "en");
        putPreferences(partner, """
                {"mutedEventTypes": ["rapport.referral.qualified.v1", "rapport.referral.contract-signed.v1"]}
                """);
        String client = "Muted Co " + UUID.randomUUID().toString().substring(0, 8);
        String referral = partner.refers(client);
        KAFKA.publish(new ReferralQualifiedV1(referral, partner.partnerId()));
        KAFKA.publish(new ContractSignedV1(referral, partner.partnerId(), Money.of("2000.00", "EUR"),
                Instant.parse("2026-11-20T10:00:00Z"), 1));

        await().atMost(PATIENCE).until(() -> partner.mailbox().messages().size() == 2);
        assertThat(partner.mailbox().messages()).extracting(Mailbox::subject)
                .containsExactlyInAnyOrder("Referral received: " + client, "Contract signed with " + client);
        JsonNode qualified = notificationsOf(partner, "rapport.referral.qualified.v1").get(0);
        assertThat(delivery(qualified, "EMAIL").path("status").asText()).isEqualTo("SUPPRESSED");
        assertThat(delivery(qualified, "FEED").path("status").asText()).isEqualTo("SENT");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(delivery(
                notificationsOf(partner, "rapport.referral.contract-signed.v1").get(0), "EMAIL")
                .path("status").asText()).isEqualTo("SENT"));
    }

    @Test
    void aPartnerWithEmailOffIsNotEmailedButStillSeesItsNotifications() {
        TestPartner partner = TestPartner.register("Ola Offline", "en");
        putPreferences(partner, "{\"email\": false}");
        String referral = partner.refers("Silent Ltd " + UUID.randomUUID());
        KAFKA.publish(new ReferralCompletedV1(referral, partner.partnerId()));

        await().atMost(PATIENCE).until(() -> notificationsOf(partner).path("total").asInt() == 2);
        assertThat(notificationsOf(partner).path("items"))
                .allSatisfy(n -> assertThat(delivery(n, "EMAIL").path("status").asText()).isEqualTo("SUPPRESSED"));
        assertThat(partner.mailbox().messages()).isEmpty();
    }

    @Test
    void aPartnerWhoChangesLanguageGetsTheNextMessagesInIt() {
        TestPartner partner = TestPartner.register("Paul Martin", "en");
        String client = "Polyglot SA " + UUID.randomUUID().toString().substring(0, 8);
        String referral = partner.refers(client);
        await().atMost(PATIENCE).until(() -> partner.mailbox().messages().size() == 1);

        putPreferences(partner, "{\"language\": \"zh\"}");
        KAFKA.publish(new ReferralQualifiedV1(referral, partner.partnerId()));

        await().atMost(PATIENCE).until(() -> partner.mailbox().messages().size() == 2);
        assertThat(partner.mailbox().messages()).extracting(Mailbox::subject)
                .containsExactlyInAnyOrder("Referral received: " + client, "推荐已通过资格审核：" + client);
        assertThat(notificationsOf(partner).path("items").findValuesAsText("language")).containsExactly("zh", "en");
        assertThat(Mailbox.plainText(partner.mailbox().messages().stream()
                .filter(m -> Mailbox.subject(m).startsWith("推荐")).findFirst().orElseThrow()))
                .startsWith("Paul Martin，您好：");
    }
}
