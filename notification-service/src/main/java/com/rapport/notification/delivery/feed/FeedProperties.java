package com.rapport.notification.delivery.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** {@code rapport.notification.feed.*}: how often an idle stream sends a comment so proxies keep it open. */
@ConfigurationProperties("rapport.notification.feed")
public record FeedProperties(Duration heartbeat) {
}
