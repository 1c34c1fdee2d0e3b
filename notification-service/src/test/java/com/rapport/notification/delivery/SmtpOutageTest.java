package com.rapport.notification.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.events.referral.ReferralQualifiedV1;
import com.rapport.events.money.Money;
import com.rapport.events.referral.ReferralQuotedV1;
import com.rapport.notification.IntegrationTest;
import com.rapport.notification.Mailbox;
import com.rapport.notification.TestPartner;
import com.rapport.notification.directory.PartnerDirectory;
import com.rapport.notification.inbox.Channel;
import com.rapport.notification.inbox.Delivery;
import com.rapport.notification.inbox.DeliveryStatus;
import com.rapport.notification.inbox.Notification;
import com.rapport.notification.inbox.NotificationStore;
import com.rapport.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An SMTP server that is down delays email and loses none; nothing is sent twice when it comes back. */
class SmtpOutageTest extends IntegrationTest {

    @Autowired
    private NotificationStore notifications;

    @Autowired
    private DeliveryQueue queue;

    @Autowired
    private PartnerDirectory partners;

    @Test
    void emailsWrittenWhileTheMailServerIsDownEachArriveOnceWhenItIsBack() {
        TestPartner partner = TestPartner.register("Wang Fang", "zh");
        String client = "Shanghai Tea " + UUID.randomUUID().toString().substring(0, 8);
        TestInfrastructure.shared().smtp().stop();
        try {
            String referral = partner.refers(client);
            KAFKA.publish(new ReferralQualifiedV1(referral, partner.partnerId()));
            KAFKA.publish(new ReferralQuotedV1(referral, partner.partnerId(), Money.of("12000.00", "CNY")));

            await().atMost(PATIENCE).untilAsserted(() -> {
                List<JsonNode> emails = emailDeliveries(partner);
                assertThat(emails).hasSize(3).allSatisfy(email -> {
                    assertThat(email.path("status").asText()).isEqualTo("PENDING");
                    assertThat(email.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
                    assertThat(email.path("lastError").asText()).isNotBlank();
                });
            });
        } finally {
            TestInfrastructure.shared().smtp().start();
        }

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(emailDeliveries(partner))
                .allSatisfy(email -> assertThat(email.path("status").asText()).isEqualTo("SENT")));
        List<String> notificationIds = StreamSupport.stream(notificationsOf(partner).path("items").spliterator(),
                false).map(n -> n.path("notificationId").asText()).toList();
        assertThat(partner.mailbox().messages()).extracting(Mailbox::notificationId)
                .containsExactlyInAnyOrderElementsOf(notificationIds);
        assertThat(partner.mailbox().messages()).extracting(Mailbox::subject)
                .contains("已收到推荐：" + client, "推荐已通过资格审核：" + client, "已向" + client + "报价");
    }

    @Test
    void aDeliveryLeftPendingByAStoppedInstanceIsSentByThisOne() {
        TestPartner partner = TestPartner.register("Ama Owusu", "en");
        await().atMost(PATIENCE).until(() -> partners.find(partner.id()).isPresent());
        String id = UUID.randomUUID().toString();
        Instant before = clock.instant().minusSeconds(600);
        // what an instance that crashed mid-attempt leaves behind: a pending email, claimed, never finished
        notifications.insert(new Notification(id, UUID.randomUUID().toString(), partner.partnerId(), null,
                "rapport.commission.payout-paid.v1", "en", "Left behind", List.of("Written before a restart."),
                before, Map.of(Channel.EMAIL, new Delivery(DeliveryStatus.PENDING, 1,
                "connection refused", before)), "{}", null));
        queue.enqueue(id, Channel.EMAIL, before);
        queue.retryAt(QueuedDelivery.first(id, Channel.EMAIL, before), 1, before);
        await().atMost(PATIENCE).until(() -> partner.mailbox().messages().size() == 1);

        assertThat(Mailbox.notificationId(partner.mailbox().messages().get(0))).isEqualTo(id);
        // the delivery is recorded as sent after the mail server took it (a full build once read it in between)
        await().atMost(PATIENCE).until(() -> notifications.find(id).orElseThrow().delivery(Channel.EMAIL).status()
                == DeliveryStatus.SENT);
        assertThat(notifications.find(id).orElseThrow().delivery(Channel.EMAIL).attempts()).isEqualTo(2);
    }

    private List<JsonNode> emailDeliveries(TestPartner partner) {
        return StreamSupport.stream(notificationsOf(partner).path("items").spliterator(), false)
                .map(n -> delivery(n, "EMAIL")).toList();
    }
}
