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
        // one small history (the full run compares 10k with 500k); the stores replayed as they are, without growing
        // them to a million (the full run); two instances: TwoInstancesIT
        PipelineBenchmark.Settings settings = new PipelineBenchmark.Settings(4, Duration.ofSeconds(10),
                Duration.ofMinutes(3), 8, 800, false, List.of(3_000L), 10, 0L);
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
        assertThat(report.histories()).singleElement().satisfies(history -> {
            assertThat(history.load().lifecycles()).isPositive();
            assertThat(history.backlogEvents()).isEqualTo(60);
            assertThat(history.relayEventsPerSecond()).isPositive();
        });
        // every stored event replayed, the history's copies included
        assertThat(report.replays()).extracting(PipelineBenchmark.Replay::service)
                .containsExactly("referral-service", "commission-service");
        assertThat(report.replays().get(0).storedEvents()).isGreaterThanOrEqualTo(3_000L);
        assertThat(report.replays().get(1).storedEvents()).isPositive();
        assertThat(report.replays()).allSatisfy(replay -> assertThat(replay.millis()).isPositive());
    }
}
