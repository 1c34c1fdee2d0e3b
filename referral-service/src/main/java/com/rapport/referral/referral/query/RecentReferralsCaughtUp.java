package com.rapport.referral.referral.query;

import com.rapport.referral.referral.ReferralEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * When the service starts, the referrals of the last events stored are caught up from the event store: a process
 * killed between storing a referral's event and writing its read model leaves no mark, and its referral would otherwise
 * wait for its next event, a retried command or a rebuild. A kill leaves at most the commands in flight behind, so the
 * last thousand events cover it; reading them costs a second at start, off the start-up path.
 */
@Component
class RecentReferralsCaughtUp {

    static final int RECENT_EVENTS = 1_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(RecentReferralsCaughtUp.class);

    private final EventStorageEngine storage;
    private final ReactiveMongoTemplate mongo;
    private final ReferralProjection projection;

    RecentReferralsCaughtUp(EventStorageEngine storage, ReactiveMongoTemplate mongo, ReferralProjection projection) {
        this.storage = storage;
        this.mongo = mongo;
        this.projection = projection;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        Mono.fromCallable(this::catchUp)
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(caughtUp -> {
                    if (caughtUp > 0) {
                        log.info("Caught up {} referral(s) whose read model missed their last events", caughtUp);
                    }
                }, e -> log.warn("Catching up the referrals of the last events failed: {}", e.toString()));
    }

    /** Catches up every referral of the last {@link #RECENT_EVENTS} stored events its read model does not show yet. */
    int catchUp() {
        Map<String, Long> lastSequences = lastSequencesOfRecentEvents();
        if (lastSequences.isEmpty()) {
            return 0;
        }
        Map<String, Long> shown = new HashMap<>();
        mongo.find(Query.query(where("_id").in(lastSequences.keySet())), ReferralView.class)
                .doOnNext(view -> shown.put(view.referralId(), view.lastSequence()))
                .then().block(TIMEOUT);
        List<String> behind = lastSequences.entrySet().stream()
                .filter(last -> shown.getOrDefault(last.getKey(), -1L) < last.getValue())
                .map(Map.Entry::getKey)
                .toList();
        Flux.fromIterable(behind).concatMap(projection::catchingUp).then().block(TIMEOUT);
        return behind.size();
    }

    private Map<String, Long> lastSequencesOfRecentEvents() {
        TrackingToken head = storage.createHeadToken();
        if (!(head instanceof GapAwareTrackingToken last)) {
            return Map.of();
        }
        long from = last.getIndex() - RECENT_EVENTS;
        Map<String, Long> lastSequences = new HashMap<>();
        try (Stream<? extends TrackedEventMessage<?>> recent = storage.readEvents(
                from < 0 ? null : GapAwareTrackingToken.newInstance(from, List.of()), false)) {
            recent.filter(event -> event instanceof DomainEventMessage<?> && event.getPayload() instanceof ReferralEvent)
                    .map(event -> (DomainEventMessage<?>) event)
                    .forEach(event -> lastSequences.merge(event.getAggregateIdentifier(), event.getSequenceNumber(),
                            Math::max));
        }
        return lastSequences;
    }
}
