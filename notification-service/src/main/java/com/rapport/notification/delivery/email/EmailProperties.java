package com.rapport.notification.delivery.email;

import com.rapport.notification.delivery.RetryPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code rapport.notification.email.*}: the sender address and how patiently an undelivered email is retried. */
@ConfigurationProperties("rapport.notification.email")
public record EmailProperties(String from, RetryPolicy retry) {
}
