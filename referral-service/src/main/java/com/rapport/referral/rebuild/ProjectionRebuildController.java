package com.rapport.referral.rebuild;

import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /api/referrals/projections/rebuild} (OPS, ADMIN): rebuilds the partner and referral read models from
 * the event store and answers what it replayed. Under {@code /api/referrals} so the gateway routes it here.
 */
@RestController
public class ProjectionRebuildController {

    private final ProjectionRebuild rebuild;

    public ProjectionRebuildController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/api/referrals/projections/rebuild")
    public Mono<ProjectionRebuild.Report> rebuild(Caller caller) {
        caller.require(Role.OPS);
        return Mono.fromCallable(rebuild::rebuild).subscribeOn(Schedulers.boundedElastic());
    }
}
