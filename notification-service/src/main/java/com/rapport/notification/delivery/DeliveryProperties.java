package com.rapport.notification.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code rapport.notification.delivery.*}: how often the queue of pending deliveries is looked at, how many are
 * taken at once, how long one instance holds a claimed delivery before another may try it, and how many
 * deliveries run in parallel.
 */
@ConfigurationProperties("rapport.notification.delivery")
public record DeliveryProperties(Duration pollInterval, int batchSize, Duration claimLease, int workers) {
}
