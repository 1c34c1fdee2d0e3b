package com.rapport.notification.delivery.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code rapport.notification.feed.*}: how often an idle stream sends a comment so proxies keep it open, and the
 * Kafka topic through which every instance hears of the notifications any instance writes.
 */
@ConfigurationProperties("rapport.notification.feed")
public record FeedProperties(Duration heartbeat, String topic) {

    public static final String DEFAULT_TOPIC = "notification-feed";

    public FeedProperties {
        topic = topic == null || topic.isBlank() ? DEFAULT_TOPIC : topic;
    }
}
