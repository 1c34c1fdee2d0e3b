package com.rapport.support.operations;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Kafka for readiness: one {@code describeCluster} with a short timeout, answered from the last result for a few
 * seconds so that frequent probes cost the broker nothing. Non-blocking (the admin client's future). DOWN when the
 * broker does not answer in time: an instance that cannot publish or consume should not take traffic.
 */
public class KafkaHealthIndicator implements ReactiveHealthIndicator, DisposableBean {

    private final Map<String, Object> adminConfig;
    private final Duration timeout;
    private final Duration cacheFor;
    private final Clock clock;
    private volatile AdminClient admin;
    private volatile Checked last;

    private record Checked(Health health, Instant at) {
    }

    public KafkaHealthIndicator(Map<String, Object> kafkaAdminConfig, Duration timeout, Duration cacheFor, Clock clock) {
        this.adminConfig = new HashMap<>(kafkaAdminConfig);
        int millis = (int) timeout.toMillis();
        this.adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        this.adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        this.adminConfig.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "rapport-health");
        this.timeout = timeout;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    @Override
    public Mono<Health> health() {
        Checked checked = last;
        if (checked != null && checked.at().plus(cacheFor).isAfter(clock.instant())) {
            return Mono.just(checked.health());
        }
        return Mono.defer(() -> Mono.fromCompletionStage(admin().describeCluster(
                        new DescribeClusterOptions().timeoutMs((int) timeout.toMillis())).clusterId().toCompletionStage()))
                .map(clusterId -> Health.up().withDetail("clusterId", clusterId).build())
                .timeout(timeout.plusSeconds(1))
                .onErrorResume(error -> Mono.just(Health.down(error).build()))
                .doOnNext(health -> last = new Checked(health, clock.instant()));
    }

    private AdminClient admin() {
        AdminClient current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = AdminClient.create(adminConfig);
                }
                current = admin;
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        AdminClient current = admin;
        if (current != null) {
            current.close(Duration.ofSeconds(1));
        }
    }
}
