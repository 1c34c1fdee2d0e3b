package com.rapport.notification.delivery;

import com.rapport.notification.inbox.Channel;
import com.rapport.notification.inbox.Delivery;
import com.rapport.notification.inbox.Notification;
import com.rapport.notification.inbox.NotificationStore;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * Works through the queue of pending deliveries: claims what is due, attempts it on its channel, and records the
 * outcome in the notification's delivery log (SENT, FAILED after the channel's last attempt, or PENDING with the
 * error and the time of the next attempt). Runs on its own threads, never on an event loop or a consumer thread.
 */
@Component
public class DeliveryDispatcher {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final DeliveryQueue queue;
    private final NotificationStore notifications;
    private final Map<Channel, DeliveryChannel> channels = new EnumMap<>(Channel.class);
    private final DeliveryProperties properties;
    private final Clock clock;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final ExecutorService dispatchLoop = Executors.newSingleThreadExecutor(named("delivery-dispatch"));
    private final ExecutorService workers;
    private final AtomicBoolean passRequested = new AtomicBoolean();
    private final DeliveryMetrics metrics;

    public DeliveryDispatcher(DeliveryQueue queue, NotificationStore notifications, List<DeliveryChannel> channels,
                              DeliveryProperties properties, Clock clock, DeliveryMetrics metrics) {
        this.metrics = metrics;
        this.queue = queue;
        this.notifications = notifications;
        channels.forEach(channel -> this.channels.put(channel.channel(), channel));
        this.properties = properties;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(properties.workers(), named("delivery-worker"));
    }

    /** Asks for a pass over the queue soon; requests made while one is waiting to start are merged into it. */
    public void nudge() {
        if (passRequested.compareAndSet(false, true)) {
            try {
                dispatchLoop.execute(() -> {
                    passRequested.set(false);
                    dispatchDue();
                });
            } catch (RejectedExecutionException shuttingDown) {
                passRequested.set(false);
            }
        }
    }

    @Scheduled(fixedDelayString = "${rapport.notification.delivery.poll-interval}")
    void poll() {
        nudge();
    }

    void dispatchDue() {
        try {
            Instant now = clock.instant();
            List<QueuedDelivery> due = queue.due(now, properties.batchSize());
            List<Callable<Void>> attempts = new ArrayList<>();
            for (QueuedDelivery candidate : due) {
                queue.claim(candidate, now, properties.claimLease()).ifPresent(claimed -> attempts.add(() -> {
                    attempt(claimed);
                    return null;
                }));
            }
            workers.invokeAll(attempts);
            if (due.size() == properties.batchSize()) {
                nudge();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the database may be away: the next pass tries again, nothing is lost
            log.warn("Delivery pass failed: {}", e.toString());
        }
    }

    private void attempt(QueuedDelivery delivery) {
        Optional<Notification> found = notifications.find(delivery.notificationId());
        DeliveryChannel channel = channels.get(delivery.channel());
        if (found.isEmpty() || channel == null) {
            // queued a moment before its notification was written (or no such channel here): look again later
            queue.retryAt(delivery, delivery.attempts(), clock.instant().plus(properties.pollInterval()));
            return;
        }
        Notification notification = found.get();
        Delivery current = notification.delivery(delivery.channel());
        if (current == null || !current.isPending()) {
            queue.remove(delivery);
            return;
        }
        int attempt = delivery.attempts() + 1;
        DeliveryResult result;
        try {
            result = channel.deliver(notification);
        } catch (RuntimeException unexpected) {
            result = DeliveryResult.failedForNow(unexpected.toString());
        }
        Instant at = clock.instant();
        RetryPolicy policy = channel.retryPolicy();
        switch (result.outcome()) {
            case DELIVERED -> {
                notifications.recordDelivery(notification.notificationId(), delivery.channel(),
                        current.succeeded(attempt, at));
                queue.remove(delivery);
                metrics.sent(delivery.channel());
            }
            case WITHDRAWN -> {
                notifications.recordDelivery(notification.notificationId(), delivery.channel(),
                        current.withdrawn(result.error(), at));
                queue.remove(delivery);
                metrics.withdrawn(delivery.channel());
            }
            case REFUSED -> giveUp(delivery, notification, current, attempt, result.error(), at);
            case FAILED_FOR_NOW -> {
                if (policy.isExhaustedAfter(attempt)) {
                    giveUp(delivery, notification, current, attempt, result.error(), at);
                } else {
                    log.info("{} of notification {} failed (attempt {}): {}", delivery.channel(),
                            notification.notificationId(), attempt, result.error());
                    notifications.recordDelivery(notification.notificationId(), delivery.channel(),
                            current.failedForNow(attempt, result.error(), at));
                    queue.retryAt(delivery, attempt, at.plus(policy.delayAfter(attempt, random)));
                    metrics.retrying(delivery.channel());
                }
            }
        }
    }

    private void giveUp(QueuedDelivery delivery, Notification notification, Delivery current, int attempt,
                        String error, Instant at) {
        log.warn("{} of notification {} gave up after {} attempt(s): {}", delivery.channel(),
                notification.notificationId(), attempt, error);
        notifications.recordDelivery(notification.notificationId(), delivery.channel(),
                current.gaveUp(attempt, error, at));
        queue.remove(delivery);
        metrics.failed(delivery.channel());
    }

    @PreDestroy
    void stop() {
        dispatchLoop.shutdownNow();
        workers.shutdownNow();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
