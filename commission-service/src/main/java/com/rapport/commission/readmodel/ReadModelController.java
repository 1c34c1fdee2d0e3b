package com.rapport.commission.readmodel;

import com.rapport.support.axon.ReadModelReplay;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;

/**
 * {@code POST /api/commissions/read-models/replay} (ADMIN): rebuilds the read models from the event store by
 * service-support's {@link ReadModelReplay} (Axon's token reset of the projections' tracking processors) and answers
 * once they have caught up. Their writes are upserts and updates by id, so the replay converges on exactly what the
 * events say. The relay and the invoicing keep their tokens.
 */
@RestController
class ReadModelController {

    /** The projections' processing groups. */
    static final List<String> READ_MODELS = List.of("plans", "ledger", "payouts", "invoices", "deal-terms", "outlook");
    private static final Duration PATIENCE = Duration.ofMinutes(30);

    private final ReadModelReplay replay;

    ReadModelController(ReadModelReplay replay) {
        this.replay = replay;
    }

    record Replayed(long replayedEvents) {
    }

    @PostMapping("/api/commissions/read-models/replay")
    Mono<Replayed> replay(Caller caller) {
        caller.require(Role.ADMIN);
        return Mono.fromCallable(() -> new Replayed(replay.replay(READ_MODELS, PATIENCE)))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
