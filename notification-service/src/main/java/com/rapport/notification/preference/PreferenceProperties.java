package com.rapport.notification.preference;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.ZoneId;

/** {@code rapport.notification.preferences.*}: the time zone of partners who did not choose one. */
@ConfigurationProperties("rapport.notification.preferences")
public record PreferenceProperties(ZoneId defaultTimeZone) {
}
