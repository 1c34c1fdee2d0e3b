package com.rapport.support.axon;

import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.bson.Document;

import java.time.Instant;
import java.util.List;

/**
 * The MongoDB event storage engine with tokens of {@link ExactKeyEventStorageStrategy}'s global index, so that
 * "from now" and "from that moment" resets of a tracking processor speak the same token as its reads.
 */
public class ExactKeyMongoEventStorageEngine extends MongoEventStorageEngine {

    private final ExactKeyEventStorageStrategy strategy;
    private final MongoTemplate template;

    protected ExactKeyMongoEventStorageEngine(Builder builder, ExactKeyEventStorageStrategy strategy,
                                              MongoTemplate template) {
        super(builder.storageStrategy(strategy).mongoTemplate(template));
        this.strategy = strategy;
        this.template = template;
    }

    public static ExactKeyMongoEventStorageEngine create(Builder builder, ExactKeyEventStorageStrategy strategy,
                                                         MongoTemplate template) {
        return new ExactKeyMongoEventStorageEngine(builder, strategy, template);
    }

    @Override
    public TrackingToken createHeadToken() {
        long last = strategy.lastAllocatedIndex();
        return last < 0 ? null : GapAwareTrackingToken.newInstance(last, List.of());
    }

    /** A rare administrative reset: finds the first event at or after the instant by reading the collection. */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        MongoCollection<Document> events = template.eventCollection();
        long first = Long.MAX_VALUE;
        for (Document document : events.find()) {
            Instant timestamp = Instant.parse(document.getString("timestamp"));
            long index = document.get(ExactKeyEventStorageStrategy.GLOBAL_INDEX, Number.class).longValue();
            if (!timestamp.isBefore(dateTime) && index < first) {
                first = index;
            }
        }
        if (first == Long.MAX_VALUE) {
            return createHeadToken();
        }
        return first == 0 ? null : GapAwareTrackingToken.newInstance(first - 1, List.of());
    }
}
