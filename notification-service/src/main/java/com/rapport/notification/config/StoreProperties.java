package com.rapport.notification.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code rapport.notification.store.*}: how long a consumer, scheduler or delivery thread waits for one read or
 * write of the read models ({@code ReactiveMongoTemplate}, blocked on there, never on an event loop) before it gives
 * up and lets its event or pass be retried.
 */
@ConfigurationProperties("rapport.notification.store")
public record StoreProperties(@DefaultValue("10s") Duration timeout) {
}
