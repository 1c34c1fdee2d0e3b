package com.rapport.notification.delivery.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rapport.notification.inbox.NotificationView;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads the whole feed topic on this instance, in batches, on a thread of its own, and hands each notification to
 * the {@link LiveFeed}. No consumer group: every instance must see every notification, so each assigns itself all
 * partitions and starts at their end as it starts (a stream hears of what is written after it connected; what came
 * before is in the list), and commits nothing: a restart starts at the end again.
 */
@Component
class FeedSubscriber implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedSubscriber.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** How long start() waits for its place in the topic before the application goes on without it. */
    private static final long READY_SECONDS = 30;

    private final ConsumerFactory<String, byte[]> consumers;
    private final LiveFeed feed;
    private final ObjectMapper mapper;
    private final FeedProperties properties;
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    FeedSubscriber(ConsumerFactory<String, byte[]> consumers, LiveFeed feed, ObjectMapper mapper,
                   FeedProperties properties) {
        this.consumers = consumers;
        this.feed = feed;
        this.mapper = mapper;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        String clientId = "live-feed-" + UUID.randomUUID();
        consumer = consumers.createConsumer(null, clientId, null, overrides);
        running = true;
        CountDownLatch ready = new CountDownLatch(1);
        thread = new Thread(() -> run(ready), clientId);
        thread.setDaemon(true);
        thread.start();
        try {
            if (!ready.await(READY_SECONDS, TimeUnit.SECONDS)) {
                log.warn("The live feed is not reading {} yet; it keeps trying", properties.topic());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(CountDownLatch ready) {
        try {
            assignAtEnd();
            ready.countDown();
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    deliver(record);
                }
            }
        } catch (WakeupException stopping) {
            // stop() wakes the consumer up
        } catch (RuntimeException e) {
            log.error("The live feed stopped reading {}: {}", properties.topic(), e.toString());
        } finally {
            ready.countDown();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Every partition, from its current end: positions are fixed before start() returns. */
    private void assignAtEnd() {
        List<TopicPartition> partitions = List.of();
        while (running) {
            try {
                List<PartitionInfo> infos = consumer.partitionsFor(properties.topic());
                partitions = infos == null ? List.of()
                        : infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                if (!partitions.isEmpty()) {
                    consumer.assign(partitions);
                    consumer.seekToEnd(partitions);
                    partitions.forEach(consumer::position);
                    return;
                }
            } catch (WakeupException stopping) {
                throw stopping;
            } catch (KafkaException brokerAway) {
                // the broker is not there yet: the feed starts reading once it is
                log.info("The live feed waits for {}: {}", properties.topic(), brokerAway.toString());
            }
            sleep();
        }
    }

    private void deliver(ConsumerRecord<String, byte[]> record) {
        try {
            feed.deliver(mapper.readValue(record.value(), NotificationView.class));
        } catch (IOException | RuntimeException unreadable) {
            log.warn("Skipping unreadable live feed record {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), unreadable.toString());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
