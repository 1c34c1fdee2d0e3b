package com.rapport.testsupport;

import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A service's health probes as API.md "Operations" says: readiness needs the database and Kafka, liveness neither. */
public final class Probes {

    private Probes() {
    }

    public static void assertReadinessNeedsTheDatabaseAndKafka(WebTestClient service, HealthEndpointGroups groups) {
        service.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        service.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        require(groups.get("readiness").isMember("mongo"), "readiness must include the database (mongo)");
        require(groups.get("readiness").isMember("kafka"), "readiness must include kafka");
        require(!groups.get("liveness").isMember("kafka"), "liveness must not include kafka");
        require(!groups.get("liveness").isMember("mongo"), "liveness must not include the database");
    }

    private static void require(boolean holds, String what) {
        if (!holds) {
            throw new AssertionError(what);
        }
    }
}
