package com.rapport.testsupport;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The Grafana dashboard queries only metrics that some service's real scrape (in its metrics test) shows. */
class DashboardMetricsTest {

    @Test
    void everyMetricTheDashboardQueriesIsServedByAService() {
        Set<String> served = new TreeSet<>(DashboardMetrics.FROM_PROMETHEUS);
        DashboardMetrics.SERVED.values().forEach(served::addAll);

        assertThat(DashboardMetrics.used()).isNotEmpty().isSubsetOf(served);
    }

    @Test
    void metricNamesAreReadFromQueriesWithoutFunctionsLabelsOrRanges() {
        assertThat(DashboardMetrics.metricNamesIn(
                "sum by (service, topic) (rate(rapport_consumer_retries_total{kind=~\"a|b\", x=\"y}\"}[$__rate_interval]))"
                        + " / max without (partition) (kafka_consumer_fetch_manager_records_lag) > 0"))
                .containsExactlyInAnyOrder("rapport_consumer_retries_total", "kafka_consumer_fetch_manager_records_lag");
    }

    @Test
    void theDashboardShowsThePipeline() {
        assertThat(DashboardMetrics.used()).contains("rapport_processor_lag", "kafka_consumer_fetch_manager_records_lag",
                "rapport_event_freshness_seconds_sum", "rapport_delivery_queue_depth",
                "http_server_requests_seconds_count");
    }
}
