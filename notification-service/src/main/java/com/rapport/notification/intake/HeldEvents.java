package com.rapport.notification.intake;

import com.rapport.events.CloudEventCodec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The referral events that wait (see {@link HeldEvent}). A small collection: entries live seconds. */
@Component
class HeldEvents {

    /** Positions are microsecond-like stamps that never repeat, so they keep growing across restarts too. */
    private static final long POSITIONS_PER_MILLI = 1000;

    private final MongoTemplate mongo;
    private final EnrichmentProperties properties;
    private final Clock clock;
    private final AtomicLong lastPosition = new AtomicLong();

    HeldEvents(MongoTemplate mongo, EnrichmentProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Should this event wait for its commission now? The first time, it is put on hold and waits; afterwards it waits
     * until its release time (a redelivery keeps the first one).
     */
    boolean shouldWait(CloudEventCodec.Decoded event, String referralId, String cloudEventJson) {
        Optional<HeldEvent> held = find(event.eventId());
        if (held.isPresent()) {
            return held.get().releaseAt().isAfter(clock.instant());
        }
        hold(event, referralId, cloudEventJson);
        return true;
    }

    /**
     * Does an earlier event of this referral wait? Then this one must wait behind it (and is put on hold).
     * Events of one referral arrive in order on one partition, so any waiting event not this one is earlier, unless
     * this one waits too, in which case positions tell.
     */
    boolean waitsBehindAnother(CloudEventCodec.Decoded event, String referralId, String cloudEventJson) {
        List<HeldEvent> waiting = ofReferral(referralId);
        Optional<HeldEvent> self = waiting.stream().filter(h -> h.eventId().equals(event.eventId())).findFirst();
        boolean behind = waiting.stream().anyMatch(h -> !h.eventId().equals(event.eventId())
                && (self.isEmpty() || h.position() < self.get().position()));
        if (behind && self.isEmpty()) {
            hold(event, referralId, cloudEventJson);
        }
        return behind;
    }

    void done(String eventId) {
        mongo.remove(query(where("_id").is(eventId)), HeldEvent.class);
    }

    Optional<HeldEvent> find(String eventId) {
        return Optional.ofNullable(mongo.findById(eventId, HeldEvent.class));
    }

    /** The referral's waiting events, in the order they arrived. */
    List<HeldEvent> ofReferral(String referralId) {
        return mongo.find(query(where("referralId").is(referralId)).with(Sort.by("position")), HeldEvent.class);
    }

    /** The referrals with an event whose wait is over. */
    List<String> referralsDue() {
        return mongo.find(query(where("releaseAt").lte(clock.instant())).with(Sort.by("position")), HeldEvent.class)
                .stream().map(HeldEvent::referralId).distinct().toList();
    }

    private void hold(CloudEventCodec.Decoded event, String referralId, String cloudEventJson) {
        Instant now = clock.instant();
        try {
            mongo.insert(new HeldEvent(event.eventId(), referralId, nextPosition(now), cloudEventJson,
                    now.plus(properties.commissionWait())));
        } catch (DuplicateKeyException heldMeanwhile) {
            // put on hold by a redelivery at the same moment: it waits all the same
        }
    }

    private long nextPosition(Instant now) {
        long stamp = now.toEpochMilli() * POSITIONS_PER_MILLI;
        return lastPosition.updateAndGet(last -> Math.max(stamp, last + 1));
    }
}
