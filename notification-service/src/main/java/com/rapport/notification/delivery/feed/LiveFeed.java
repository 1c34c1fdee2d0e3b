package com.rapport.notification.delivery.feed;

import com.rapport.notification.inbox.Notification;
import com.rapport.notification.inbox.NotificationView;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * New notifications as they are written, for the portal's live feed. Best effort by nature: a portal that was not
 * listening reads the same notifications from the list; the feed only saves it from polling.
 */
@Component
public class LiveFeed {

    private final Sinks.Many<NotificationView> sink = Sinks.many().multicast().directBestEffort();

    /** Serialized: several consumer threads write notifications at once, and a sink takes one emitter at a time. */
    public synchronized void publish(Notification notification) {
        sink.tryEmitNext(NotificationView.of(notification));
    }

    public Flux<NotificationView> of(String partnerId) {
        return sink.asFlux().filter(notification -> notification.partnerId().equals(partnerId));
    }
}
