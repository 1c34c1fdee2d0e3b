package com.rapport.notification.delivery.webhook;

import com.rapport.notification.delivery.RetryPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code rapport.notification.webhook.*}: how long to wait for a partner's endpoint, and how patiently to retry one
 * that fails (non-2xx or no answer) before the delivery is FAILED.
 */
@ConfigurationProperties("rapport.notification.webhook")
public record WebhookProperties(Duration timeout, RetryPolicy retry) {
}
