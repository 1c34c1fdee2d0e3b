package com.rapport.localstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
        // one small history (the full run compares 10k with 500k); no rebuilds (the full run's take minutes, and
        // ProjectionRebuildTest and ReadModelReplayIntegrationTest cover them); two instances: TwoInstancesIT
        PipelineBenchmark.Settings settings = new PipelineBenchmark.Settings(4, Duration.ofSeconds(5),
                Duration.ofMinutes(3), 6, 400, false, List.of(1_500L), 5, -1L, Duration.ofSeconds(5));
        PipelineBenchmark.Report report = new PipelineBenchmark(RunningStack.get(), settings).run();
        RunLog.write(LocalStack.projectRoot().resolve("local-stack/target/benchmark/pipeline-short.txt"),
                report.lines());

        assertThat(report.lines()).anyMatch(line -> line.startsWith("warm-up 1/1"));
        assertThat(report.sustained().lifecycles()).isPositive();
        assertThat(report.sustained().eventsPerSecond()).isPositive();
        assertThat(report.half().lifecycles()).isPositive();
        assertThat(report.freshCommissionIdle().count()).isEqualTo(settings.probes());
        assertThat(report.freshNotificationIdle().count()).isEqualTo(settings.probes());
        assertThat(report.bareEventsPerSecond()).isPositive();
        assertThat(report.gatewayPerSecond()).isPositive();
        assertThat(report.directPerSecond()).isPositive();
        assertThat(report.histories()).singleElement().satisfies(history -> {
            assertThat(history.load().lifecycles()).isPositive();
            assertThat(history.backlogEvents()).isEqualTo(5 * PipelineBenchmark.EVENTS_PER_LIFECYCLE);
            assertThat(history.relayEventsPerSecond()).isPositive();
        });
        assertThat(report.replays()).isEmpty();
    }
}
