package com.rapport.support.axon;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ReadModelsBehindTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final AtomicInteger catchUps = new AtomicInteger();
    private IntConsumer duringCatchUp = attempt -> {
    };
    private final ReadModelsBehind behind = new ReadModelsBehind("tests", aggregateId ->
            duringCatchUp.accept(catchUps.incrementAndGet()));

    @Nested
    class AnAggregateWhoseWriteFailed {

        @Test
        void isCaughtUpInTheBackgroundAndThenNoLongerBehind() {
            behind.writeFailed(List.of("a"), new IllegalStateException("the database went away"));

            await().atMost(PATIENCE).until(() -> !behind.isBehind("a"));
            assertThat(catchUps).hasValue(1);
        }

        @Test
        void isCaughtUpAgainUntilTheDatabaseAnswers() {
            duringCatchUp = attempt -> {
                if (attempt <= 2) {
                    throw new IllegalStateException("still away");
                }
            };
            behind.writeFailed(List.of("a"), new IllegalStateException("the database went away"));

            await().atMost(PATIENCE).until(() -> !behind.isBehind("a"));
            assertThat(catchUps).hasValue(3);
        }

        @Test
        void staysBehindWhenAnotherWriteOfItFailedWhileItWasCaughtUp() {
            // the catch-up read the aggregate's events before a later one was stored, and that one's write failed too
            duringCatchUp = attempt -> {
                if (attempt == 1) {
                    behind.writeFailed(List.of("a"), new IllegalStateException("failed again"));
                }
            };
            behind.writeFailed(List.of("a"), new IllegalStateException("the database went away"));

            await().atMost(PATIENCE).until(() -> !behind.isBehind("a"));
            assertThat(catchUps).as("caught up a second time, for the write that failed meanwhile").hasValue(2);
        }

        @Test
        void isCaughtUpBeforeItIsRead() {
            duringCatchUp = attempt -> {
                if (attempt == 1) {
                    throw new IllegalStateException("still away"); // the background's first try
                }
            };
            behind.writeFailed(List.of("a"), new IllegalStateException("the database went away"));
            await().atMost(PATIENCE).until(() -> catchUps.get() >= 1);

            behind.caughtUp("a").block(TIMEOUT);

            assertThat(catchUps).hasValueGreaterThanOrEqualTo(2);
            assertThat(behind.isBehind("a")).isFalse();
        }

        @Test
        void isAnErrorToReadWhileItCannotBeCaughtUp() {
            duringCatchUp = attempt -> {
                throw new IllegalStateException("still away");
            };
            behind.writeFailed(List.of("a"), new IllegalStateException("the database went away"));

            assertThatThrownBy(() -> behind.caughtUp("a").block(TIMEOUT)).hasMessageContaining("still away");
            assertThat(behind.isBehind("a")).isTrue();
            duringCatchUp = attempt -> {
            };
            await().atMost(PATIENCE).until(() -> !behind.isBehind("a")); // the background's next try
        }

        @Test
        void isNoLongerBehindOnceALiveWriteOfItSucceeded() {
            duringCatchUp = attempt -> {
                throw new IllegalStateException("still away");
            };
            behind.writeFailed(List.of("a"), new IllegalStateException("the database went away"));

            behind.written(List.of("a"));

            assertThat(behind.isBehind("a")).isFalse();
            int tried = catchUps.get();
            await().pollDelay(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> true);
            assertThat(catchUps.get()).as("the background stopped trying").isLessThanOrEqualTo(tried + 1);
        }
    }

    @Nested
    class AnAggregateWrittenAsItShouldBe {

        @Test
        void isReadWithoutCatchingUp() {
            behind.caughtUp("b").block(TIMEOUT);

            assertThat(catchUps).hasValue(0);
        }

        @Test
        void isCaughtUpWhenAskedToBe() {
            behind.catchingUp("b").block(TIMEOUT);

            assertThat(catchUps).hasValue(1);
            assertThat(behind.isBehind("b")).isFalse();
        }
    }
}
