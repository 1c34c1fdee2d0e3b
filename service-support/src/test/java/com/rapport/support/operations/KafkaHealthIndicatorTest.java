package com.rapport.support.operations;

import com.rapport.testsupport.FreePorts;
import com.rapport.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Readiness: Kafka UP while the broker answers, DOWN soon when it does not, and probes answered from a cache. */
class KafkaHealthIndicatorTest {

    @Test
    void upWhileTheBrokerAnswers() throws Exception {
        try (var indicator = closing(indicator(TestInfrastructure.shared().kafka().bootstrapServers(),
                Duration.ofSeconds(5)))) {
            Health health = indicator.value().health().block(Duration.ofSeconds(10));
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsKey("clusterId");
        }
    }

    @Test
    void downWithinItsTimeoutWhenNothingListensAndTheAnswerIsKeptForAWhile() throws Exception {
        try (var indicator = closing(indicator("127.0.0.1:" + FreePorts.next(), Duration.ofSeconds(5)))) {
            long started = System.nanoTime();
            Health health = indicator.value().health().block(Duration.ofSeconds(10));
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

            // within the cache period the same answer comes back at once
            long again = System.nanoTime();
            assertThat(indicator.value().health().block(Duration.ofSeconds(1))).isSameAs(health);
            assertThat(Duration.ofNanos(System.nanoTime() - again)).isLessThan(Duration.ofMillis(200));
        }
    }

    private static KafkaHealthIndicator indicator(String bootstrap, Duration cacheFor) {
        return new KafkaHealthIndicator(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                Duration.ofSeconds(2), cacheFor, Clock.systemUTC());
    }

    private record Closing(KafkaHealthIndicator value) implements AutoCloseable {
        @Override
        public void close() {
            value.destroy();
        }
    }

    private static Closing closing(KafkaHealthIndicator indicator) {
        return new Closing(indicator);
    }
}
