package com.rapport.localstack;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The supervisor with real processes (a shell that exits or sleeps), on a fast policy. */
class SupervisorTest {

    private static final Supervisor.Policy FAST =
            new Supervisor.Policy(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(5), 3);

    @TempDir
    Path dir;

    /** A child whose n-th run executes {@code script(n)} in a shell. */
    private final class ShellChild implements SupervisedChild {
        private final java.util.function.IntFunction<String> script;
        private final AtomicInteger runs = new AtomicInteger();
        private volatile ChildProcess process;

        ShellChild(java.util.function.IntFunction<String> script) {
            this.script = script;
        }

        @Override
        public String name() {
            return "shell";
        }

        @Override
        public void start() {
            process = ChildProcess.command("shell", List.of("sh", "-c", script.apply(runs.incrementAndGet())),
                    dir.resolve("shell.log"));
        }

        @Override
        public ChildProcess process() {
            return process;
        }

        @Override
        public void close() {
            if (process != null) {
                process.stop(Duration.ofSeconds(5));
            }
        }
    }

    @Nested
    class WhenTheProcessKeepsDying {

        @Test
        void restartsItWithGrowingBackOffThenGivesUpAndSaysSo() throws Exception {
            ShellChild child = new ShellChild(run -> "exit 3");
            CompletableFuture<String> gaveUp = new CompletableFuture<>();
            long begin = System.nanoTime();
            child.start();
            try (Supervisor supervisor = new Supervisor(child, FAST, (name, why) -> gaveUp.complete(name + ": " + why))) {
                String why = gaveUp.get(30, TimeUnit.SECONDS);

                assertThat(why).startsWith("shell: exited with code 3").contains("3 restarts in a row");
                assertThat(supervisor.gaveUp()).isNotNull();
                assertThat(child.runs.get()).isEqualTo(4); // the first run and three restarts
                assertThat(supervisor.restarts()).isEqualTo(3);
                // back-off 50 + 100 + 200 ms
                assertThat(Duration.ofNanos(System.nanoTime() - begin)).isGreaterThanOrEqualTo(Duration.ofMillis(350));
                Thread.sleep(500);
                assertThat(child.runs.get()).isEqualTo(4);
            }
        }
    }

    @Nested
    class WhenTheProcessIsKilled {

        @Test
        void startsItAgainEveryTimeWhileEachRunLastedLongEnough() throws Exception {
            Supervisor.Policy stableAfterAQuarterSecond =
                    new Supervisor.Policy(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(250), 3);
            ShellChild child = new ShellChild(run -> "sleep 60");
            child.start();
            try (Supervisor supervisor = new Supervisor(child, stableAfterAQuarterSecond, (name, why) -> { })) {
                for (int kill = 1; kill <= 5; kill++) {
                    Thread.sleep(400);
                    ChildProcess before = killMinus9(child);
                    int expected = kill;
                    await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.restarts() == expected
                            && child.process() != before && child.process().isAlive());
                }
                assertThat(supervisor.gaveUp()).isNull();
                assertThat(child.runs.get()).isEqualTo(6);
            }
        }

        @Test
        void givesUpWhenItIsKilledAgainRightAfterEachStart() throws Exception {
            ShellChild child = new ShellChild(run -> "sleep 60");
            CompletableFuture<String> gaveUp = new CompletableFuture<>();
            child.start();
            try (Supervisor supervisor = new Supervisor(child, FAST, (name, why) -> gaveUp.complete(why))) {
                for (int kill = 1; kill <= 4; kill++) {
                    ChildProcess before = killMinus9(child);
                    if (kill < 4) {
                        await().atMost(Duration.ofSeconds(10)).until(() -> child.process() != before);
                    }
                }
                assertThat(gaveUp.get(10, TimeUnit.SECONDS)).startsWith("exited with code 137");
                assertThat(child.runs.get()).isEqualTo(4);
            }
        }

        private ChildProcess killMinus9(ShellChild child) throws Exception {
            ChildProcess victim = child.process();
            new ProcessBuilder("kill", "-9", String.valueOf(victim.pid())).start().waitFor();
            return victim;
        }
    }

    @Nested
    class WhenAskedToRestartAroundSomeWork {

        @Test
        void doesTheWorkWhileTheProcessIsDownThenStartsItAgain() throws Exception {
            ShellChild child = new ShellChild(run -> "sleep 60");
            child.start();
            try (Supervisor supervisor = new Supervisor(child, FAST, (name, why) -> { })) {
                ChildProcess before = child.process();
                AtomicBoolean wasDown = new AtomicBoolean();
                supervisor.restartNow(() -> wasDown.set(!before.isAlive()));

                assertThat(wasDown).isTrue();
                assertThat(child.process()).isNotSameAs(before);
                assertThat(child.process().isAlive()).isTrue();
                assertThat(supervisor.restarts()).isEqualTo(1);
            }
        }

        @Test
        void startsTheProcessAgainEvenWhenTheWorkFailsAndSaysWhy() throws Exception {
            ShellChild child = new ShellChild(run -> "sleep 60");
            child.start();
            try (Supervisor supervisor = new Supervisor(child, FAST, (name, why) -> { })) {
                assertThatThrownBy(() -> supervisor.restartNow(() -> {
                    throw new IllegalStateException("could not write");
                })).hasMessage("could not write");
                await().atMost(Duration.ofSeconds(10)).until(() -> child.runs.get() == 2 && child.process().isAlive());
                assertThat(supervisor.gaveUp()).isNull();
            }
        }
    }

    @Test
    void backOffDoublesUpToItsCeiling() {
        assertThat(List.of(1, 2, 3, 4, 10).stream().map(FAST::backoff).map(Duration::toMillis).toList())
                .containsExactly(50L, 100L, 200L, 200L, 200L);
    }
}
