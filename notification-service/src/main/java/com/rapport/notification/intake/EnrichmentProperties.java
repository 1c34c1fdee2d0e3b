package com.rapport.notification.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code rapport.notification.enrichment.*}: how long a contract or payment notification may wait for the commission
 * it should mention, and how often waiting notifications are looked at.
 */
@ConfigurationProperties("rapport.notification.enrichment")
public record EnrichmentProperties(Duration commissionWait, Duration checkInterval) {
}
