package com.rapport.commission.readmodel;

import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code POST /api/commissions/read-models/replay} (ADMIN): rebuilds the read models from the event store. */
@RestController
class ReadModelController {

    private final ReadModelReplay replay;

    ReadModelController(ReadModelReplay replay) {
        this.replay = replay;
    }

    record Replayed(long replayedEvents) {
    }

    @PostMapping("/api/commissions/read-models/replay")
    Mono<Replayed> replay(Caller caller) {
        caller.require(Role.ADMIN);
        return Mono.fromCallable(() -> new Replayed(replay.replay())).subscribeOn(Schedulers.boundedElastic());
    }
}
