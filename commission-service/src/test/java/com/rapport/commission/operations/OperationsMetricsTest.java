package com.rapport.commission.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.commission.CommissionServiceTestBase;
import com.rapport.events.Topics;
import com.rapport.testsupport.DashboardMetrics;
import com.rapport.testsupport.Probes;
import com.rapport.testsupport.PrometheusScrape;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpointGroups;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * API.md "Operations" on the commission service's own port: consumer lag and freshness of referral-events, relay and
 * read-model lag, finance counters, and readiness that includes the database and Kafka.
 */
class OperationsMetricsTest extends CommissionServiceTestBase {

    @Autowired
    private HealthEndpointGroups healthGroups;

    @Test
    void aScrapeShowsThePipelineAndTheFinanceCountersAsAMonthEndHappens() {
        PrometheusScrape before = scrape();
        double batchesCreated = counted(before, "rapport_payout_batches_total", Map.of("event", "created"));
        double batchesConfirmed = counted(before, "rapport_payout_batches_total", Map.of("event", "confirmed"));
        double invoices = counted(before, "rapport_invoices_issued_total", Map.of("currency", "EUR"));

        String partner = newId();
        String referral = newId();
        referralService.partnerRegistered(partner, "Partner " + partner.substring(0, 4), null);
        referralService.contractSigned(referral, partner, "10000.00", "EUR", 1);
        referralService.paymentReceived(referral, partner, "1000.00", "1000.00", "EUR", "2026-11-01");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(TOKENS.finance()).get()
                .uri("/api/commissions?partnerId={p}", partner).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(1));
        makePayable(partner);
        // a record no one can read: dead-lettered and counted
        KAFKA.send(Topics.REFERRAL_EVENTS, newId(), "not a cloudevent".getBytes());

        JsonNode batch = as(TOKENS.finance()).post().uri("/api/payouts").bodyValue(Map.of("asOf", "2026-11-15"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        as(TOKENS.token("finance-2", List.of("FINANCE"), null)).post()
                .uri("/api/payouts/{b}/confirm", batch.get("batchId").asText())
                .exchange().expectStatus().isOk();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            PrometheusScrape after = scrape();
            assertThat(counted(after, "rapport_payout_batches_total", Map.of("event", "created")))
                    .isEqualTo(batchesCreated + 1);
            assertThat(counted(after, "rapport_payout_batches_total", Map.of("event", "confirmed")))
                    .isEqualTo(batchesConfirmed + 1);
            assertThat(counted(after, "rapport_invoices_issued_total", Map.of("currency", "EUR")))
                    .isGreaterThanOrEqualTo(invoices + 1);
            assertThat(after.sum("rapport_consumer_dead_letters_total",
                    Map.of("topic", Topics.REFERRAL_EVENTS, "kind", "unprocessable"))).isGreaterThanOrEqualTo(1);
        });

        // Kafka's per-partition metrics reach Micrometer on its refresh, up to a minute after the consumer started
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(scrape()
                .series("kafka_consumer_fetch_manager_records_lag", Map.of("topic", Topics.REFERRAL_EVENTS)))
                .isNotEmpty());
        PrometheusScrape scrape = scrape();
        assertThat(scrape.names()).containsAll(DashboardMetrics.SERVED.get("commission-service"));
        assertThat(scrape.sum("rapport_event_freshness_seconds_count", Map.of("topic", Topics.REFERRAL_EVENTS)))
                .isGreaterThanOrEqualTo(3);
        assertThat(scrape.series("rapport_processor_lag", Map.of("processor", "commission-relay"))).hasSize(1);
        assertThat(scrape.series("rapport_processor_lag", Map.of("processor", "ledger"))).hasSize(1);
        // counted as published, never replayed: no tracking processor (and no lag) of its own
        assertThat(scrape.series("rapport_processor_lag", Map.of("processor", FinanceMetrics.GROUP))).isEmpty();
    }

    @Test
    void readinessNeedsTheDatabaseAndKafkaWhileLivenessNeedsNeither() {
        Probes.assertReadinessNeedsTheDatabaseAndKafka(web, healthGroups);
    }

    private static double counted(PrometheusScrape scrape, String name, Map<String, String> labels) {
        return scrape.sum(name, labels);
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.from(web);
    }
}
