package com.rapport.notification.delivery;

import com.rapport.notification.inbox.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.rapport.notification.config.StoreProperties;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivery metrics (API.md "Operations"): {@code rapport.delivery.queue.depth{channel}}, the pending deliveries of
 * each channel, and {@code rapport.deliveries{channel, outcome}} with outcome {@code sent}, {@code retrying} (failed
 * for now, tried again later), {@code failed} (given up) or {@code withdrawn}.
 * <p>
 * The depth is the whole queue's (every instance reports the same, so dashboards take the max), counted on a timer
 * rather than at each scrape: one read of the queue's {@code channel} fields, bounded by {@link #COUNT_LIMIT}, every
 * {@code rapport.notification.delivery.depth-refresh}. The queue holds only what is still to be sent, so the read is
 * small; counting at scrape time would put a collection scan on every scrape of every Prometheus.
 */
@Component
public class DeliveryMetrics {

    private static final Logger log = LoggerFactory.getLogger(DeliveryMetrics.class);

    /** A queue deeper than this reports this: it is an outage either way, and the read stays bounded. */
    static final int COUNT_LIMIT = 100_000;

    private final ReactiveMongoTemplate mongo;
    private final Duration timeout;
    private final MeterRegistry meters;
    private final Map<Channel, AtomicLong> depth = new EnumMap<>(Channel.class);

    public DeliveryMetrics(ReactiveMongoTemplate mongo, StoreProperties store, MeterRegistry meters) {
        this.mongo = mongo;
        this.timeout = store.timeout();
        this.meters = meters;
        for (Channel channel : Channel.values()) {
            AtomicLong count = new AtomicLong();
            depth.put(channel, count);
            Gauge.builder("rapport.delivery.queue.depth", count, AtomicLong::get)
                    .tag("channel", channel.name().toLowerCase())
                    .description("deliveries waiting to be sent or retried")
                    .register(meters);
            for (String outcome : new String[]{"sent", "retrying", "failed", "withdrawn"}) {
                counter(channel, outcome);
            }
        }
    }

    @Scheduled(fixedDelayString = "${rapport.notification.delivery.depth-refresh:15s}")
    public void refreshDepth() {
        try {
            Map<Channel, Long> counted = mongo.query(QueuedDelivery.class).as(QueuedChannel.class)
                    .matching(new Query().limit(COUNT_LIMIT)).all()
                    .mapNotNull(QueuedChannel::channel)
                    .collect(() -> new EnumMap<Channel, Long>(Channel.class),
                            (byChannel, channel) -> byChannel.merge(channel, 1L, Long::sum))
                    .block(timeout);
            depth.forEach((channel, count) -> count.set(counted.getOrDefault(channel, 0L)));
        } catch (RuntimeException e) {
            // the database may be away: the gauge keeps its last value until the next count
            log.debug("Delivery queue depth not counted: {}", e.toString());
        }
    }

    /** A queued delivery as the count reads it: its channel field alone. */
    record QueuedChannel(Channel channel) {
    }

    void sent(Channel channel) {
        counter(channel, "sent").increment();
    }

    void retrying(Channel channel) {
        counter(channel, "retrying").increment();
    }

    void failed(Channel channel) {
        counter(channel, "failed").increment();
    }

    void withdrawn(Channel channel) {
        counter(channel, "withdrawn").increment();
    }

    private Counter counter(Channel channel, String outcome) {
        return Counter.builder("rapport.deliveries")
                .tag("channel", channel.name().toLowerCase())
                .tag("outcome", outcome)
                .description("delivery attempts by how they ended")
                .register(meters);
    }
}
