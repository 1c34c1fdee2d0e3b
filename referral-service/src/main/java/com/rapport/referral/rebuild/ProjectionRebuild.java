package com.rapport.referral.rebuild;

import com.rapport.referral.partner.query.PartnerProjection;
import com.rapport.referral.partner.query.PartnerView;
import com.rapport.referral.referral.query.ReferralProjection;
import com.rapport.referral.referral.query.ReferralView;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Throws the read models ({@code partners}, {@code referrals}) away and replays every stored event, oldest first,
 * through the same projection handlers that keep them live. Safe while requests keep coming: each referral document
 * remembers the last event applied, so an event applied both live and by the replay counts once. Reads may miss
 * documents until the replay has passed them. Blocking; callers run it off the event loop.
 */
@Component
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    /** What a rebuild did. */
    public record Report(long eventsReplayed, long partners, long referrals, long millis) {
    }

    private final EventStorageEngine events;
    private final MongoTemplate mongo;
    private final List<AnnotationEventHandlerAdapter> projections;

    public ProjectionRebuild(EventStorageEngine events, MongoTemplate mongo, PartnerProjection partners,
                             ReferralProjection referrals) {
        this.events = events;
        this.mongo = mongo;
        this.projections = List.of(new AnnotationEventHandlerAdapter(partners),
                new AnnotationEventHandlerAdapter(referrals));
    }

    public synchronized Report rebuild() {
        long started = System.nanoTime();
        mongo.remove(new Query(), PartnerView.class);
        mongo.remove(new Query(), ReferralView.class);
        AtomicLong replayed = new AtomicLong();
        try (Stream<? extends TrackedEventMessage<?>> stored = events.readEvents(null, false)) {
            stored.forEach(event -> {
                for (AnnotationEventHandlerAdapter projection : projections) {
                    apply(projection, event);
                }
                replayed.incrementAndGet();
            });
        }
        Report report = new Report(replayed.get(), mongo.count(new Query(),
                PartnerView.class), mongo.count(new Query(),
                ReferralView.class), Duration.ofNanos(System.nanoTime() - started).toMillis());
        log.info("Read models rebuilt: {}", report);
        return report;
    }

    private static void apply(AnnotationEventHandlerAdapter projection, TrackedEventMessage<?> event) {
        try {
            if (projection.canHandle(event)) {
                projection.handle(event);
            }
        } catch (Exception e) {
            throw new IllegalStateException("replaying event " + event.getIdentifier() + " failed", e);
        }
    }
}
