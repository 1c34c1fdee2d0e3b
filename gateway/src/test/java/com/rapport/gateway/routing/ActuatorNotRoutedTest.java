package com.rapport.gateway.routing;

import com.rapport.gateway.GatewayIntegrationTest;
import com.rapport.gateway.RecordingService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API.md "Operations": a service's actuator (metrics, health) is read on its own port and never routed by the gateway,
 * however the path is dressed up and whoever asks.
 */
class ActuatorNotRoutedTest extends GatewayIntegrationTest {

    private static final List<String> PATHS = List.of(
            "/actuator/prometheus",
            "/actuator/health/readiness",
            "/api/actuator/prometheus",
            "/api/referrals/../../actuator/prometheus",
            "/api/referrals/%2e%2e/%2e%2e/actuator/prometheus",
            "/api/commissions/..%2f..%2factuator/prometheus",
            "/api/notifications/%2e%2e%2f%2e%2e%2factuator%2fprometheus");

    @LocalServerPort
    private int port;

    @Test
    void noActuatorPathReachesAServiceWithOrWithoutAToken() {
        String admin = admin();
        for (String path : PATHS) {
            // as written on the wire: no client-side encoding or normalising
            URI raw = URI.create("http://localhost:" + port + path);
            client().get().uri(raw).exchange().returnResult(String.class);
            client().get().uri(raw).headers(h -> h.setBearerAuth(admin)).exchange().returnResult(String.class);
        }
        // the control: the same client and token do reach a service on an API path
        String marker = "/api/referrals/" + java.util.UUID.randomUUID();
        client().get().uri(marker).headers(h -> h.setBearerAuth(admin)).exchange().returnResult(String.class);
        assertThat(REFERRAL.received()).anyMatch(request -> marker.equals(request.get("path")));

        assertThat(Stream.of(REFERRAL, COMMISSION, NOTIFICATION).map(RecordingService::received)
                .flatMap(List::stream).map(request -> String.valueOf(request.get("path")).toLowerCase()))
                .noneMatch(path -> path.contains("actuator"));
    }
}
