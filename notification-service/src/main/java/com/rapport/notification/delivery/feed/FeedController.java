package com.rapport.notification.delivery.feed;

import com.rapport.notification.inbox.NotificationView;
import com.rapport.support.id.PartnerId;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * {@code GET /api/notifications/stream}: the partner's new notifications as Server-Sent Events, one event
 * ({@code event: notification}, {@code id}: the notification id) per notification. A comment opens the stream,
 * once the subscription is in place, and further comments keep an idle connection alive.
 */
@RestController
public class FeedController {

    static final String EVENT_NAME = "notification";

    private final LiveFeed feed;
    private final FeedProperties properties;

    public FeedController(LiveFeed feed, FeedProperties properties) {
        this.feed = feed;
        this.properties = properties;
    }

    @GetMapping(path = "/api/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<NotificationView>> stream(Caller caller) {
        caller.require(Role.PARTNER);
        if (caller.partnerId() == null) {
            throw ProblemException.forbidden("the live feed belongs to a partner; this token names none");
        }
        Flux<ServerSentEvent<NotificationView>> live = feed.of(PartnerId.of(caller.partnerId()))
                .map(notification -> ServerSentEvent.builder(notification)
                        .id(notification.notificationId()).event(EVENT_NAME).build());
        Flux<ServerSentEvent<NotificationView>> heartbeats = Flux.interval(properties.heartbeat())
                .map(tick -> ServerSentEvent.<NotificationView>builder().comment("heartbeat").build());
        // merge subscribes to the live feed first, so nothing written after "connected" can be missed
        return Flux.merge(live, Flux.just(ServerSentEvent.<NotificationView>builder().comment("connected").build()),
                heartbeats);
    }
}
