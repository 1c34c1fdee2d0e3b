package com.rapport.notification.delivery.webhook;

import com.rapport.notification.delivery.RetryPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code rapport.notification.webhook.*}: how long to wait for a partner's endpoint, how patiently to retry one that
 * fails (non-2xx or no answer) before the delivery is FAILED, and whether endpoints on loopback, private or
 * link-local addresses may be called (only where partners' receivers really are local: the local stack, tests).
 */
@ConfigurationProperties("rapport.notification.webhook")
public record WebhookProperties(Duration timeout, RetryPolicy retry, boolean allowPrivateAddresses) {
}
