package com.rapport.referral.operations;

import com.rapport.referral.support.ReferralServiceIntegrationTest;
import com.rapport.testsupport.DashboardMetrics;
import com.rapport.testsupport.Probes;
import com.rapport.testsupport.PrometheusScrape;
import com.rapport.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * API.md "Operations" on the referral service's own port: the relay's lag, commands and published records, and
 * readiness with the database and Kafka. A context of its own (metrics exported) with its own database, so its relay
 * claims its own token; closed afterwards.
 */
@AutoConfigureObservability
@DirtiesContext
class OperationsMetricsTest extends ReferralServiceIntegrationTest {

    @Autowired
    private HealthEndpointGroups healthGroups;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        registry.add("spring.data.mongodb.uri",
                () -> TestInfrastructure.shared().mongo().uri("rapport-referral-ops-" + run));
    }

    @Test
    void aScrapeShowsTheRelayLagCommandsAndPublishedRecords() {
        api.registerPartner("Metrics Partner");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            PrometheusScrape scrape = scrape();
            assertThat(scrape.names()).containsAll(DashboardMetrics.SERVED.get("referral-service"));
            assertThat(scrape.series("rapport_processor_lag", Map.of()))
                    .anySatisfy(lag -> assertThat(lag.labels().get("processor")).contains("relay"));
            assertThat(scrape.sum("http_server_requests_seconds_count", Map.of("method", "POST")))
                    .isGreaterThanOrEqualTo(1);
            assertThat(scrape.sum("kafka_producer_record_send_total", Map.of())).isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void readinessNeedsTheDatabaseAndKafkaWhileLivenessNeedsNeither() {
        Probes.assertReadinessNeedsTheDatabaseAndKafka(web, healthGroups);
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.from(web);
    }
}
