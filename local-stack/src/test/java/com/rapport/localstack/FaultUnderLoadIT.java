package com.rapport.localstack;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short version of {@link FaultUnderLoad} in {@code mvn verify}: one round of kill -9 of each service, the broker
 * and the database, under load from two careful clients; nothing lost, nothing counted twice. The gateway, which holds
 * nothing, is killed only in the long version: its 30 s back under load were what took {@code mvn verify} to the edge
 * of its 20 minutes.
 */
class FaultUnderLoadIT {

    @Test
    void killingAnyProcessUnderLoadLosesNothingAndCountsNothingTwice() throws Exception {
        FaultUnderLoad.Counts counts = new FaultUnderLoad(RunningStack.get()).run(2, 1, Duration.ofSeconds(2),
                FaultUnderLoad.VICTIMS.stream().filter(victim -> !victim.equals("gateway")).toList());
        RunLog.write(FaultUnderLoad.report(), counts.lines());

        assertThat(counts.lifecycles()).isPositive();
        assertThat(counts.lostEvents()).isZero();
        assertThat(counts.duplicateEvents()).isZero();
        assertThat(counts.events()).isEqualTo(counts.lifecycles() * 6);
        assertThat(counts.entries()).isEqualTo(counts.lifecycles() * 3);
        assertThat(counts.duplicateEntries()).isZero();
        assertThat(counts.wrongTotals()).isZero();
        assertThat(counts.duplicateNotifications()).isZero();
        assertThat(counts.lostNotifications()).isZero();
        assertThat(counts.entriesInTwoBatches()).isZero();
    }
}
