package com.rapport.notification.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.events.Topics;
import com.rapport.events.money.Money;
import com.rapport.events.referral.Client;
import com.rapport.events.referral.ContractSignedV1;
import com.rapport.events.referral.CreditShare;
import com.rapport.events.referral.MilestoneReachedV1;
import com.rapport.events.referral.PartnerRegisteredV1;
import com.rapport.events.referral.PaymentKind;
import com.rapport.events.referral.PaymentReceivedV1;
import com.rapport.events.referral.ReferralQualifiedV1;
import com.rapport.events.referral.ReferralSubmittedV1;
import com.rapport.notification.DatabaseCommands;
import com.rapport.notification.IntegrationTest;
import com.rapport.notification.Mailbox;
import com.rapport.notification.TestPartner;
import com.rapport.events.referral.ReferralReassignedV1;
import com.rapport.events.referral.ReferralRejectedV1;
import com.rapport.notification.directory.ReferralDirectory;
import com.rapport.testsupport.TestTokens;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 2's slice: referral events published on Kafka reach the referring partner exactly once by email (with the
 * client's name) and in the notifications API, newest first; nobody else sees them; a poison record is
 * dead-lettered and the partition keeps flowing.
 */
class ReferralNotificationsTest extends IntegrationTest {

    @Autowired
    private ReferralDirectory referrals;

    @Autowired
    private DatabaseCommands commands;

    @Test
    void everyReferralEventIsEmailedOnceToThePartnerAndListedNewestFirst() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String partner = UUID.randomUUID().toString();
        String otherPartner = UUID.randomUUID().toString();
        String referral = UUID.randomUUID().toString();
        String client = "Acme " + run;
        Mailbox inbox = new Mailbox("alice-" + run + "@example.com");

        KAFKA.publish(new PartnerRegisteredV1(partner, "Alice Martin", inbox.address(), "en", null));
        KAFKA.publish(new PartnerRegisteredV1(otherPartner, "Bob Stone", "bob-" + run + "@example.com",
                "en", null));
        KAFKA.publish(new ReferralSubmittedV1(referral, partner,
                new Client(client, "Li Wei", "li@acme.example"), "Mini-program", Money.of("80000", "CNY")));
        KAFKA.publish(new ReferralQualifiedV1(referral, partner));
        KAFKA.publish(new ContractSignedV1(referral, partner, Money.of("10000.00", "EUR"),
                Instant.parse("2026-11-20T10:00:00Z"), 1));
        String paymentId = UUID.randomUUID().toString();
        PaymentReceivedV1 payment = new PaymentReceivedV1(referral, partner, "p1", Money.of("3333.33", "EUR"),
                PaymentKind.DEPOSIT, Instant.parse("2026-11-21T09:00:00Z"), Money.of("3333.33", "EUR"));
        KAFKA.publish(paymentId, payment);
        KAFKA.publish(paymentId, payment); // Kafka redelivers: same CloudEvent id
        KAFKA.send(Topics.REFERRAL_EVENTS, referral, "{not a cloud event".getBytes(StandardCharsets.UTF_8));
        KAFKA.publish(new MilestoneReachedV1(referral, partner, "Design approved", null));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(inbox.messages()).hasSize(5));
        // the milestone came after the duplicate and the poison record on the same partition: all were handled
        List<MimeMessage> mails = inbox.messages();
        assertThat(mails).hasSize(5);
        assertThat(mails).extracting(Mailbox::notificationId).doesNotHaveDuplicates();
        assertThat(mails).allSatisfy(mail -> assertThat(Mailbox.plainText(mail)).contains(client));
        assertThat(mails).extracting(Mailbox::subject).containsExactlyInAnyOrder(
                "Referral received: " + client, client + " is qualified", "Contract signed with " + client,
                "Payment received from " + client, client + ": milestone reached");
        MimeMessage paymentMail = mails.stream()
                .filter(mail -> Mailbox.subject(mail).startsWith("Payment received")).findFirst().orElseThrow();
        assertThat(Mailbox.plainText(paymentMail))
                .contains("Hello Alice Martin,", "paid €3,333.33 (deposit) on November 21, 2026");
        assertThat(Mailbox.html(paymentMail)).contains("<html", "paid €3,333.33 (deposit)");

        JsonNode page = notifications(TestTokens.shared().partner(partner), "");
        assertThat(page.path("total").asInt()).isEqualTo(5);
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("size").asInt()).isEqualTo(50);
        assertThat(page.path("items").findValuesAsText("eventType")).containsExactly(
                "rapport.referral.milestone-reached.v1", "rapport.referral.payment-received.v1",
                "rapport.referral.contract-signed.v1", "rapport.referral.qualified.v1",
                "rapport.referral.submitted.v1");
        JsonNode newest = page.path("items").get(0);
        assertThat(newest.path("partnerId").asText()).isEqualTo(partner);
        assertThat(newest.path("referralId").asText()).isEqualTo(referral);
        assertThat(newest.path("language").asText()).isEqualTo("en");
        assertThat(newest.path("subject").asText()).isEqualTo(client + ": milestone reached");
        assertThat(newest.path("body").asText()).contains("Design approved");
        assertThat(newest.path("createdAt").asText()).isNotBlank();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                notifications(TestTokens.shared().partner(partner), "").path("items").get(0)
                        .path("deliveries").toString())
                .contains("{\"channel\":\"EMAIL\",\"status\":\"SENT\",\"attempts\":1,\"lastError\":null}")
                .contains("{\"channel\":\"FEED\",\"status\":\"SENT\""));

        assertThat(notifications(TestTokens.shared().partner(otherPartner), "").path("items")).isEmpty();
        assertThat(notifications(TestTokens.shared().ops(), "?partnerId=" + partner).path("total").asInt())
                .isEqualTo(5);
        assertThat(notifications(TestTokens.shared().ops(), "?partnerId=" + partner + "&page=1&size=2")
                .path("items").findValuesAsText("eventType"))
                .containsExactly("rapport.referral.contract-signed.v1", "rapport.referral.qualified.v1");

        ConsumerRecord<String, byte[]> deadLetter = KAFKA.first(
                Topics.deadLetterTopicOf(Topics.REFERRAL_EVENTS), referral, PATIENCE).orElseThrow();
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("{not a cloud event");
        assertThat(new String(deadLetter.headers().lastHeader(Topics.DEAD_LETTER_REASON_HEADER).value(),
                StandardCharsets.UTF_8)).contains("not a CloudEvent");
    }

    /** Issue 9: nothing waits for a partner event from another partition. */
    @Test
    void aReferralEventThatArrivesBeforeItsPartnerIsListedAtOnceAndEmailedOnceThePartnerIsKnown() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String partner = UUID.randomUUID().toString();
        // as in production, the partner's events and the referral's travel on different partitions
        String referral = keyOnAnotherPartitionThan(partner);
        Mailbox inbox = new Mailbox("late-" + run + "@example.com");

        KAFKA.publish(new ReferralSubmittedV1(referral, partner,
                new Client("Late Partner Ltd " + run, "Ann Lee", "ann@late.example"), "Website", null));
        // an old record without shares, for a partner nobody described yet: listed at once, in the default language
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                notifications(TestTokens.shared().partner(partner), "").path("total").asInt()).isEqualTo(1));
        JsonNode listed = notifications(TestTokens.shared().partner(partner), "").path("items").get(0);
        assertThat(listed.path("language").asText()).isEqualTo("en");
        assertThat(listed.path("subject").asText()).isEqualTo("Referral received: Late Partner Ltd " + run);
        assertThat(inbox.messages()).isEmpty();

        KAFKA.publish(new PartnerRegisteredV1(partner, "Chloé Dubois", inbox.address(), "en", null));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(inbox.messages()).hasSize(1));
        assertThat(Mailbox.subject(inbox.messages().get(0))).isEqualTo("Referral received: Late Partner Ltd " + run);
        assertThat(Mailbox.plainText(inbox.messages().get(0))).contains("Hello Chloé Dubois,");
        assertThat(notifications(TestTokens.shared().partner(partner), "").path("total").asInt()).isEqualTo(1);
    }

    /** Issue 9: the partner a referral event describes is read once for its notification, not again to address it. */
    @Test
    void aPartnerTheEventDescribesIsReadOnceForItsNotification() {
        String partner = UUID.randomUUID().toString();
        String referral = UUID.randomUUID().toString();
        putPreferences(new TestPartner(partner, "Nora Once", new Mailbox("nora-" + partner + "@example.com")),
                "{\"email\": false}");
        long readBefore = commands.findsById("partners", partner); // the preferences' answer names its language
        List<CreditShare> shares = List.of(new CreditShare(partner, BigDecimal.ONE, null, "fr",
                "nora-" + partner + "@example.com", "Nora Once", null));
        for (String milestone : List.of("Kick-off", "Design approved", "Go live")) {
            KAFKA.publish(new MilestoneReachedV1(referral, partner, milestone, null, shares));
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                notifications(TestTokens.shared().partner(partner), "").path("total").asInt()).isEqualTo(3));

        // told in the language the event gave it, having read it once per event (to merge in what the event says)
        assertThat(notifications(TestTokens.shared().partner(partner), "").path("items")
                .findValuesAsText("language")).containsExactly("fr", "fr", "fr");
        assertThat(commands.findsById("partners", partner) - readBefore).isEqualTo(3);
    }

    @Test
    void aPartnerAskingForAnotherPartnersNotificationsIsToldTheyDoNotExist() {
        web.get().uri("/api/notifications?partnerId=" + UUID.randomUUID())
                .headers(h -> h.setBearerAuth(TestTokens.shared().partner(UUID.randomUUID().toString())))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json");
    }

    @Test
    void aPageBeyondTheLimitsIsABadRequest() {
        String partner = TestTokens.shared().partner(UUID.randomUUID().toString());
        web.get().uri("/api/notifications?size=500").headers(h -> h.setBearerAuth(partner))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json");
        web.get().uri("/api/notifications?page=-1").headers(h -> h.setBearerAuth(partner))
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void financeMayNotReadNotificationsAndNobodyWithoutAToken() {
        web.get().uri("/api/notifications").headers(h -> h.setBearerAuth(TestTokens.shared().finance()))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/notifications").exchange().expectStatus().isUnauthorized();
    }

    private JsonNode notifications(String token, String query) {
        return web.get().uri("/api/notifications" + query)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void aReassignedReferralIsToldToBothPartnersAndLaterEventsGoToTheNewOne() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        TestPartner first = TestPartner.register("First Partner", "en");
        TestPartner second = TestPartner.register("Second Partner", "en");
        String client = "Moved Ltd " + run;
        String referral = first.refers(client);
        KAFKA.publish(new ReferralReassignedV1(referral, second.partnerId(), first.partnerId(),
                "Introduced by the second partner first"));
        KAFKA.publish(new ReferralRejectedV1(referral, second.partnerId(), "Outside our expertise"));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(first.mailbox().messages()).extracting(Mailbox::subject).containsExactlyInAnyOrder(
                    "Referral received: " + client, "Referral credited to another partner: " + client);
            assertThat(second.mailbox().messages()).extracting(Mailbox::subject).containsExactlyInAnyOrder(
                    "Referral credited to you: " + client, "Referral not accepted: " + client);
        });
        assertThat(Mailbox.plainText(second.mailbox().messages().stream()
                .filter(m -> Mailbox.subject(m).startsWith("Referral not accepted")).findFirst().orElseThrow()))
                .contains("Reason: Outside our expertise");
        assertThat(notificationsOf(first, "rapport.referral.reassigned.v1")).singleElement()
                .satisfies(n -> assertThat(n.path("body").asText()).contains("Introduced by the second partner"));
    }

    private static String keyOnAnotherPartitionThan(String key) {
        int taken = KAFKA.partitionOf(Topics.REFERRAL_EVENTS, key);
        String other;
        do {
            other = UUID.randomUUID().toString();
        } while (KAFKA.partitionOf(Topics.REFERRAL_EVENTS, other) == taken);
        return other;
    }
}
