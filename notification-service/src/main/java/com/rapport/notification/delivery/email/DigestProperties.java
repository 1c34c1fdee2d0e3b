package com.rapport.notification.delivery.email;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code rapport.notification.digest.*}: the hour of the day (0-23, in each partner's time zone) the daily digest goes
 * out, how often the service looks whether one is due, and how long one instance holds a partner's digest while
 * sending it.
 */
@ConfigurationProperties("rapport.notification.digest")
public record DigestProperties(int hour, Duration checkInterval, Duration claimLease) {

    public DigestProperties {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("rapport.notification.digest.hour must be 0-23, not " + hour);
        }
    }
}
