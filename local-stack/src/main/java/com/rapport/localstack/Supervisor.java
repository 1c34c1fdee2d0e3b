package com.rapport.localstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * Keeps one process of the stack running, as compose's {@code restart: on-failure} would: when it exits on its own it
 * is started again after a back-off that doubles with each failure in a row (1 s, 2 s, 4 s … at most 30 s). A run that
 * lasted {@link Policy#stableAfter} clears the count. After {@link Policy#maxFailuresInARow} failures in a row (exits
 * or failed starts) it gives up loudly: it logs an error and tells the stack, which then reports itself not ready.
 */
final class Supervisor implements AutoCloseable {

    record Policy(Duration firstBackoff, Duration maxBackoff, Duration stableAfter, int maxFailuresInARow) {

        static final Policy DEFAULT = new Policy(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60), 5);

        Duration backoff(int failuresInARow) {
            long millis = firstBackoff.toMillis() << Math.min(failuresInARow - 1, 20);
            return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

    private final SupervisedChild child;
    private final Policy policy;
    private final BiConsumer<String, String> onGiveUp;
    private final Thread watcher;
    private final Object lock = new Object();
    private volatile boolean stopping;
    private volatile String gaveUp;
    private volatile long startedAt;
    private int restarts;
    private CompletableFuture<Void> requestedRestart;
    private Runnable whileStopped = () -> { };

    /** Starts watching a child that has just been started. {@code onGiveUp} gets the child's name and why. */
    Supervisor(SupervisedChild child, Policy policy, BiConsumer<String, String> onGiveUp) {
        this.child = child;
        this.policy = policy;
        this.onGiveUp = onGiveUp;
        this.startedAt = System.nanoTime();
        this.watcher = new Thread(this::watch, "supervise-" + child.name());
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watch() {
        int failuresInARow = 0;
        while (!stopping) {
            int exit = child.process().awaitExit();
            if (stopping) {
                return;
            }
            CompletableFuture<Void> requested;
            Runnable work;
            synchronized (lock) {
                requested = requestedRestart;
                requestedRestart = null;
                work = whileStopped;
                whileStopped = () -> { };
            }
            String why;
            if (requested != null) {
                // a restart someone asked for: no back-off, and no failure unless it does not come back
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.warn("{}: the work to do while it was stopped failed: {}", child.name(), e.toString());
                    requested.completeExceptionally(e);
                    requested = null;
                }
                if (requested == null) {
                    startAgain();
                    continue;
                }
                if (startAgain()) {
                    requested.complete(null);
                    continue;
                }
                requested.completeExceptionally(new IllegalStateException(child.name() + " did not start again"));
                failuresInARow = 1;
                why = "did not start again";
            } else {
                Duration ran = Duration.ofNanos(System.nanoTime() - startedAt);
                if (ran.compareTo(policy.stableAfter()) >= 0) {
                    failuresInARow = 0;
                }
                failuresInARow++;
                why = "exited with code " + exit + " after " + ran.toSeconds() + " s";
            }
            while (true) {
                if (failuresInARow > policy.maxFailuresInARow()) {
                    giveUp(why + "; " + policy.maxFailuresInARow() + " restarts in a row did not keep it running");
                    return;
                }
                Duration backoff = policy.backoff(failuresInARow);
                log.warn("{} {}; restarting it in {} ms (restart {} of at most {} in a row)", child.name(), why,
                        backoff.toMillis(), failuresInARow, policy.maxFailuresInARow());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                if (stopping) {
                    return;
                }
                if (startAgain()) {
                    break;
                }
                failuresInARow++;
                why = "did not start again";
            }
        }
    }

    private boolean startAgain() {
        try {
            child.start();
            startedAt = System.nanoTime();
            synchronized (lock) {
                restarts++;
            }
            log.info("{} is running again (pid {})", child.name(), child.process().pid());
            return true;
        } catch (Exception e) {
            log.warn("{} did not start again: {}", child.name(), e.getMessage());
            ChildProcess failed = child.process();
            if (failed != null) {
                failed.stop(Duration.ofSeconds(5));
            }
            return false;
        }
    }

    private void giveUp(String why) {
        gaveUp = why;
        ChildProcess last = child.process();
        log.error("""

                ================================================================================
                 {} IS DOWN and stays down: {}.
                 Rapport is NOT READY. Last lines of its log:
                {}
                ================================================================================""",
                child.name(), why, last == null ? "" : last.tail(20));
        onGiveUp.accept(child.name(), why);
    }

    /** Stops the child and starts it again at once (not a failure); returns when it is ready again. */
    void restartNow() throws Exception {
        restartNow(() -> { });
    }

    /**
     * Stops the child, runs {@code work} while it is down (e.g. changing its stored state as an operator would), and
     * starts it again; returns when it is ready again, or throws what the work threw (the child is started anyway).
     */
    void restartNow(Runnable work) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (lock) {
            requestedRestart = done;
            whileStopped = work;
        }
        child.close();
        try {
            done.get(5, java.util.concurrent.TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Why it gave up, or null while it keeps the child running. */
    String gaveUp() {
        return gaveUp;
    }

    int restarts() {
        synchronized (lock) {
            return restarts;
        }
    }

    /** From now on an exit is expected: nothing is restarted. */
    void stopWatching() {
        stopping = true;
        watcher.interrupt();
    }

    @Override
    public void close() {
        stopWatching();
        child.close();
    }
}
