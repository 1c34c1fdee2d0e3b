package com.rapport.support.axon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The aggregates whose read-model write failed although their events are stored, for a read model kept by a
 * subscribing processor: unlike a tracking one, it has no token to handle the event again from, and its write used to
 * be logged and lost until a rebuild. Each is caught up from the event store in the background until that succeeds,
 * and a read of one catches it up first.
 * A catch-up clears an aggregate's mark only when no other write of it failed while it ran.
 */
public final class ReadModelsBehind {

    private static final Logger log = LoggerFactory.getLogger(ReadModelsBehind.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

    private final String readModel;
    private final Consumer<String> catchUp;
    /** Each aggregate behind, with how many of its writes failed (a catch-up clears only the count it saw). */
    private final Map<String, Long> failedWrites = new ConcurrentHashMap<>();

    /**
     * @param readModel what the log calls the read model ({@code referrals})
     * @param catchUp   applies an aggregate's stored events its read model does not show yet and writes them; blocks,
     *                  and throws when the write fails
     */
    public ReadModelsBehind(String readModel, Consumer<String> catchUp) {
        this.readModel = readModel;
        this.catchUp = catchUp;
    }

    /** The write of these aggregates failed: each is marked and caught up in the background until that succeeds. */
    public void writeFailed(Collection<String> aggregateIds, Throwable failure) {
        log.warn("Updating the {} read model of {} failed; caught up from the event store once the database "
                + "answers: {}", readModel, aggregateIds, failure.toString());
        for (String aggregateId : aggregateIds) {
            if (failedWrites.merge(aggregateId, 1L, Long::sum) == 1L) {
                // each try asks again whether it is behind: a live write of it may have succeeded meanwhile
                Mono.defer(() -> caughtUp(aggregateId))
                        .doOnError(e -> log.warn("Catching up the {} read model of {} failed; trying again: {}",
                                readModel, aggregateId, e.toString()))
                        .retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_RETRY).maxBackoff(LONGEST_RETRY))
                        .repeat(() -> failedWrites.containsKey(aggregateId))
                        .subscribe(null, e -> log.error("Catching up the {} read model of {} stopped", readModel,
                                aggregateId, e));
            }
        }
    }

    /** These aggregates were written live as of their latest event: they are no longer behind. */
    public void written(Collection<String> aggregateIds) {
        aggregateIds.forEach(failedWrites::remove);
    }

    public boolean isBehind(String aggregateId) {
        return failedWrites.containsKey(aggregateId);
    }

    /** Completes when the aggregate's read model is current: at once unless it is behind, else once caught up. */
    public Mono<Void> caughtUp(String aggregateId) {
        return isBehind(aggregateId) ? catchingUp(aggregateId) : Mono.empty();
    }

    /**
     * Catches the aggregate up whether or not it is marked: a retry after a killed process, a document that should
     * exist. On a worker thread; an error while the database does not answer.
     */
    public Mono<Void> catchingUp(String aggregateId) {
        return Mono.fromRunnable(() -> {
            Long failedBefore = failedWrites.get(aggregateId);
            catchUp.accept(aggregateId);
            // also when there was nothing to write (the failed write had landed, or another instance caught it up)
            if (failedBefore != null) {
                failedWrites.remove(aggregateId, failedBefore);
            }
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }
}
