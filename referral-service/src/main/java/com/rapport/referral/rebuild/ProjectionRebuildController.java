package com.rapport.referral.rebuild;

import com.rapport.referral.partner.query.PartnerProjection;
import com.rapport.referral.partner.query.PartnerView;
import com.rapport.referral.referral.query.ReferralProjection;
import com.rapport.referral.referral.query.ReferralView;
import com.rapport.support.axon.ReadModelReplay;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;

/**
 * {@code POST /api/referrals/projections/rebuild} (OPS, ADMIN): rebuilds the partner and referral read models from
 * the event store by service-support's {@link ReadModelReplay} (the projections' reset handlers empty them, then
 * every stored event is replayed) and answers what it replayed. Under {@code /api/referrals} so the gateway routes
 * it here. Safe while requests keep coming: a referral document remembers the last event applied.
 */
@RestController
public class ProjectionRebuildController {

    private static final List<String> READ_MODELS = List.of(PartnerProjection.GROUP, ReferralProjection.GROUP);
    private static final Duration PATIENCE = Duration.ofMinutes(30);

    /** What a rebuild did. */
    public record Report(long eventsReplayed, long partners, long referrals, long millis) {
    }

    private final ReadModelReplay replay;
    private final ReactiveMongoTemplate mongo;

    public ProjectionRebuildController(ReadModelReplay replay, ReactiveMongoTemplate mongo) {
        this.replay = replay;
        this.mongo = mongo;
    }

    @PostMapping("/api/referrals/projections/rebuild")
    public Mono<Report> rebuild(Caller caller) {
        caller.require(Role.OPS);
        long started = System.nanoTime();
        return Mono.fromCallable(() -> replay.replay(READ_MODELS, PATIENCE))
                .subscribeOn(Schedulers.boundedElastic())
                // the collections' own counts: a filtered count reads every document on a server without usable
                // indexes (a million-event rebuild's answer timed out counting 166,000 referrals that way)
                .flatMap(events -> Mono.zip(mongo.estimatedCount(PartnerView.class),
                                mongo.estimatedCount(ReferralView.class))
                        .map(counts -> new Report(events, counts.getT1(), counts.getT2(),
                                Duration.ofNanos(System.nanoTime() - started).toMillis())));
    }
}
