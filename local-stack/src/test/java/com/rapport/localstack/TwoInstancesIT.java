package com.rapport.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9, scale-out for real: a second instance of every service and of the gateway against the same broker and
 * database. The notification consumers split referral-events' partitions between them, so each instance writes some
 * of a partner's notifications; a stream on either gateway (hence either notification-service instance) still receives
 * every one of them. Commands go through both gateways; every payment is counted once.
 */
class TwoInstancesIT {

    private static final int PARTITIONS = 3;

    @Test
    void everyNotificationReachesAStreamOnEitherInstanceAndNothingIsCountedTwice() throws Exception {
        LocalStack stack = RunningStack.get();
        String secondGateway = stack.startInstanceSet();
        Api first = new Api(stack.gatewayUrl());
        Api second = new Api(secondGateway);
        String ops = first.login("ops", "ops-dev-password");
        String admin = second.login("admin", "admin-dev-password");
        String run = UUID.randomUUID().toString().substring(0, 8);

        String partner = first.post("/api/partners", ops, Map.of("name", "Twin " + run,
                "email", "twin-" + run + "@partners.example", "language", "en")).json().path("partnerId").asText();
        assertThat(second.post("/auth/users", admin, Map.of("username", "twin-" + run, "password", "twin-password-" + run,
                "roles", List.of("PARTNER"), "partnerId", partner)).status()).isEqualTo(201);
        String partnerToken = first.login("twin-" + run, "twin-password-" + run);

        awaitBothNotificationInstancesConsume(stack);
        List<String> onFirst = stream(stack.gatewayUrl(), partnerToken);
        List<String> onSecond = stream(secondGateway, partnerToken);

        // referrals whose keys fall on every partition, so that both notification instances write some
        Map<Integer, String> byPartition = new HashMap<>();
        List<String> referrals = new ArrayList<>();
        int n = 0;
        while (byPartition.size() < PARTITIONS) {
            Api via = n++ % 2 == 0 ? first : second;
            Map<String, Object> body = new HashMap<>(Journeys.referralBody("Twin " + run + " " + n,
                    "twin-" + n + "-" + run + "@client.example"));
            body.put("partnerId", partner);
            String referral = via.post("/api/referrals", ops, body).json().path("referralId").asText();
            referrals.add(referral);
            byPartition.putIfAbsent(partitionOf(referral), referral);
            assertThat(via.post("/api/referrals/" + referral + "/qualify", ops, Map.of()).status()).isEqualTo(200);
            assertThat(via.post("/api/referrals/" + referral + "/contract", ops, Journeys.contract("9000.00", "EUR"))
                    .status()).isEqualTo(200);
            Api other = via == first ? second : first;
            assertThat(other.post("/api/referrals/" + referral + "/payments", ops, Journeys.payment("twin-pay",
                    "3000.00", "EUR", "DEPOSIT", "2026-11-20T10:00:00Z")).status()).isBetween(200, 201);
            // the same payment again through the other gateway changes nothing
            assertThat(via.post("/api/referrals/" + referral + "/payments", ops, Journeys.payment("twin-pay",
                    "3000.00", "EUR", "DEPOSIT", "2026-11-20T10:00:00Z")).status()).isBetween(200, 201);
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String referral : referrals) {
                assertThat(first.get("/api/commissions?referralId=" + referral, ops).json().path("total").asLong())
                        .as("entries of " + referral).isEqualTo(1);
            }
        });
        Set<String> all = new HashSet<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode page = second.get("/api/notifications?size=200", partnerToken).json();
            all.clear();
            page.path("items").forEach(item -> all.add(item.path("notificationId").asText()));
            assertThat(all).isNotEmpty();
            for (String referral : referrals) {
                assertThat(page.path("items").findValuesAsText("referralId")).contains(referral);
            }
            assertThat(idsIn(onFirst)).containsAll(all);
            assertThat(idsIn(onSecond)).containsAll(all);
        });
        Thread.sleep(2000);
        for (String referral : referrals) {
            assertThat(second.get("/api/commissions?referralId=" + referral, ops).json().path("total").asLong())
                    .isEqualTo(1);
        }
        assertThat(second.get("/api/notifications?size=200", partnerToken).json().path("total").asLong())
                .isEqualTo(all.size());
    }

    private static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    /** Both notification-service instances hold partitions of referral-events before the test relies on it. */
    private static void awaitBothNotificationInstancesConsume(LocalStack stack) {
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.options().kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                List<String> groups = kafka.listConsumerGroups().all().get().stream()
                        .map(g -> g.groupId()).filter(g -> g.contains("notification")).toList();
                assertThat(groups).isNotEmpty();
                boolean split = false;
                for (ConsumerGroupDescription group : kafka.describeConsumerGroups(groups).all().get().values()) {
                    long members = group.members().stream().map(MemberDescription::assignment)
                            .filter(a -> a.topicPartitions().stream().anyMatch(p -> p.topic().equals("referral-events")))
                            .count();
                    split |= members >= 2;
                }
                assertThat(split).as("two notification instances share referral-events").isTrue();
            });
        }
    }

    private static List<String> stream(String gateway, String token) {
        LiveFeed feed = LiveFeed.open(gateway, token);
        assertThat(feed.response.statusCode()).isEqualTo(200);
        return feed.lines;
    }

    private static Set<String> idsIn(List<String> lines) {
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            if (line.startsWith("data:")) {
                ids.add(Journeys.json(line.substring(5).trim()).path("notificationId").asText());
            }
        }
        return ids;
    }
}
