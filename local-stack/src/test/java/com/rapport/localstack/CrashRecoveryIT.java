package com.rapport.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;


import static com.rapport.localstack.Journeys.contract;
import static com.rapport.localstack.Journeys.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ARCHITECTURE.md's promise, tested by killing processes of the running stack: restarting any process, or the broker,
 * loses nothing and counts nothing twice.
 */
class CrashRecoveryIT {

    private final Journeys journeys = new Journeys();
    private final Api api = journeys.api;
    private final LocalStack stack = journeys.stack;

    @Test
    void paymentsRecordedWhileTheCommissionServiceIsDownAreCountedOnceWhenItComesBack() throws Exception {
        Journeys.Partner partner = journeys.partner("crash-c");
        String referral = contracted(partner, "Crash Commission " + journeys.run);

        journeys.act(referral, "payments", payment("c1", "3333.33", "EUR", "MILESTONE", "2026-11-20T10:00:00Z"));
        stack.crash("commission-service"); // possibly in the middle of handling that payment
        journeys.act(referral, "payments", payment("c2", "3333.33", "EUR", "MILESTONE", "2026-11-20T11:00:00Z"));
        journeys.act(referral, "payments", payment("c3", "3333.34", "EUR", "FINAL", "2026-11-20T12:00:00Z"));
        stack.restart("commission-service");

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(amounts(partner, referral)).hasSize(3));
        Thread.sleep(2000);
        assertThat(amounts(partner, referral)).containsExactlyInAnyOrder("333.33", "333.34", "333.33");
    }

    @Test
    void eventsStoredJustBeforeTheReferralServiceDiesStillReachKafkaAndAreCountedOnce() throws Exception {
        Journeys.Partner partner = journeys.partner("crash-r");
        String referral = contracted(partner, "Crash Referral " + journeys.run);
        journeys.act(referral, "payments", payment("r1", "5000.00", "EUR", "DEPOSIT", "2026-11-20T10:00:00Z"));
        journeys.act(referral, "payments", payment("r2", "5000.00", "EUR", "FINAL", "2026-11-20T11:00:00Z"));
        stack.crash("referral-service"); // stored; the relay may or may not have sent them yet
        stack.restart("referral-service");

        List<ConsumerRecord<String, byte[]>> records = journeys.records("referral-events", referral::equals, 5);
        List<String> ids = records.stream().map(r -> Journeys.json(r.value()).path("id").asText()).distinct().toList();
        assertThat(ids).hasSize(5); // submitted, qualified, contract, two payments: none lost (a resend has the same id)
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(amounts(partner, referral)).containsExactlyInAnyOrder("500.00", "500.00"));
        assertThat(api.get("/api/referrals/" + referral, partner.token()).json().at("/cashReceived/amount").asText())
                .isEqualTo("10000.00");
    }

    @Test
    void emailsPendingWhenTheNotificationServiceDiesAreSentOnceAfterItRestarts() throws Exception {
        Journeys.Partner partner = journeys.partner("crash-n");
        stack.smtp().stop();
        String referral;
        try {
            referral = journeys.submit(partner, "Crash Notice " + journeys.run);
            journeys.act(referral, "qualify", null);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    api.get("/api/notifications", partner.token()).json().path("items").size()).isEqualTo(2));
            stack.crash("notification-service");
        } finally {
            stack.smtp().start();
        }
        stack.restart("notification-service");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(journeys.mailTo(partner.email())).hasSize(2));
        Thread.sleep(3000);
        assertThat(journeys.mailTo(partner.email())).hasSize(2);
        assertThat(api.get("/api/notifications", partner.token()).json().path("items").size()).isEqualTo(2);
    }

    @Test
    void aBrokerRestartLosesNothing() throws Exception {
        Journeys.Partner partner = journeys.partner("broker");
        String referral = contracted(partner, "Broker Restart " + journeys.run);
        stack.restartBroker();
        journeys.act(referral, "payments", payment("b1", "10000.00", "EUR", "FINAL", "2026-11-20T10:00:00Z"));

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(amounts(partner, referral)).containsExactly("1000.00"));
        List<ConsumerRecord<String, byte[]>> records = journeys.records("referral-events", referral::equals, 4);
        assertThat(Journeys.types(records)).containsExactly("rapport.referral.submitted.v1",
                "rapport.referral.qualified.v1", "rapport.referral.contract-signed.v1",
                "rapport.referral.payment-received.v1");
        // one notification per referral event (the rate and commission may also be told on their own, issue 9)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                api.get("/api/notifications", partner.token()).json().path("items").findValuesAsText("eventType"))
                .filteredOn(type -> type.startsWith("rapport.referral.")).hasSize(4).doesNotHaveDuplicates());
    }

    private String contracted(Journeys.Partner partner, String company) {
        String referral = journeys.submit(partner, company);
        journeys.act(referral, "qualify", null);
        journeys.act(referral, "contract", contract("10000.00", "EUR"));
        return referral;
    }

    private List<String> amounts(Journeys.Partner partner, String referral) {
        Api.Response response = api.get("/api/commissions?referralId=" + referral, partner.token());
        List<String> amounts = new ArrayList<>();
        if (response.status() == 200) {
            for (JsonNode entry : response.json().path("items")) {
                amounts.add(entry.at("/amount/amount").asText());
            }
        }
        return amounts;
    }
}
