package com.rapport.notification.delivery.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rapport.notification.inbox.Notification;
import com.rapport.notification.inbox.NotificationView;
import com.rapport.support.id.PartnerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * New notifications as they are written, for the portal's live feed, whichever instance wrote them: a notification
 * is published on the feed topic (key = partner), every instance reads the whole topic ({@link FeedSubscriber}) and
 * hands each one to the streams connected to it, its own notifications included. Best effort by nature: a portal
 * that was not listening reads the same notifications from the list; the feed only saves it from polling.
 */
@Component
public class LiveFeed {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final Sinks.Many<NotificationView> sink = Sinks.many().multicast().directBestEffort();
    private final KafkaTemplate<String, byte[]> kafka;
    private final ObjectMapper mapper;
    private final FeedProperties properties;

    public LiveFeed(KafkaTemplate<String, byte[]> kafka, ObjectMapper mapper, FeedProperties properties) {
        this.kafka = kafka;
        this.mapper = mapper;
        this.properties = properties;
    }

    /** Tells every instance; does not wait for the broker (the notification is stored either way). */
    public void publish(Notification notification) {
        byte[] view;
        try {
            view = mapper.writeValueAsBytes(NotificationView.of(notification));
        } catch (JsonProcessingException e) {
            log.warn("Notification {} not put on the live feed: {}", notification.notificationId(), e.toString());
            return;
        }
        kafka.send(properties.topic(), notification.partnerId(), view).whenComplete((sent, failure) -> {
            if (failure != null) {
                log.warn("Notification {} not put on the live feed: {}", notification.notificationId(),
                        failure.toString());
            }
        });
    }

    /** A notification written by any instance, for the streams connected to this one. */
    synchronized void deliver(NotificationView notification) {
        // serialized: a sink takes one emitter at a time
        sink.tryEmitNext(notification);
    }

    public Flux<NotificationView> of(PartnerId partnerId) {
        return sink.asFlux().filter(notification -> partnerId.value().equals(notification.partnerId()));
    }
}
