package com.rapport.localstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short version of {@link PipelineBenchmark} that runs in {@code mvn verify} (its own stack, rate limits off, as
 * the benchmark wants): every phase runs and every lifecycle's effects become visible. It asserts that the pipeline
 * works under load, never how fast it is (a timed test on a shared 2-core machine proves nothing); the figures go to
 * {@code local-stack/target/benchmark/pipeline-short.txt}.
 */
class PipelineBenchmarkIT {

    @Test
    void everyPhaseRunsAndEveryLifecycleIsFullyProcessed() throws Exception {
        PipelineBenchmark.Settings settings = new PipelineBenchmark.Settings(4, Duration.ofSeconds(12),
                Duration.ofMinutes(3), 8, 800, false);
        PipelineBenchmark.Report report = new PipelineBenchmark(RunningStack.get(), settings).run();
        RunLog.write(LocalStack.projectRoot().resolve("local-stack/target/benchmark/pipeline-short.txt"),
                report.lines());

        assertThat(report.sustained().lifecycles()).isPositive();
        assertThat(report.sustained().eventsPerSecond()).isPositive();
        assertThat(report.half().lifecycles()).isPositive();
        assertThat(report.freshCommissionIdle().count()).isEqualTo(settings.probes());
        assertThat(report.freshNotificationIdle().count()).isEqualTo(settings.probes());
        assertThat(report.bareEventsPerSecond()).isPositive();
        assertThat(report.gatewayPerSecond()).isPositive();
        assertThat(report.directPerSecond()).isPositive();
    }
}
