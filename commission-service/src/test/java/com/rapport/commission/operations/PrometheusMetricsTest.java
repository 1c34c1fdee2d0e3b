package com.rapport.commission.operations;

import com.rapport.commission.CommissionServiceTestBase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md "Operations": metrics on the service's own port, with how far each relay and read model is behind. */
class PrometheusMetricsTest extends CommissionServiceTestBase {

    @Test
    void prometheusShowsTheLagOfEveryRelayAndReadModelAndTheConsumersWithoutAToken() {
        // a full scrape is larger than the services' 64 KiB codec limit, which the test client shares
        String scrape = web.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(scrape).contains("rapport_processor_lag{processor=\"commission-relay\"}");
        assertThat(scrape).contains("rapport_processor_lag{processor=\"ledger\"}");
        assertThat(scrape).contains("jvm_memory_used_bytes");
    }
}
