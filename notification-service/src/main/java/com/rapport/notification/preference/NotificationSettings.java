package com.rapport.notification.preference;

import java.util.Set;

/**
 * Everything a partner chooses about being told: email on/off, a webhook (or none), immediate or daily-digest email,
 * the event types it does not want to hear about (outcomes are told anyway), and optionally a language and a time
 * zone that override the ones it registered with / the service default.
 */
public record NotificationSettings(boolean email, Webhook webhook, Frequency frequency, Set<String> mutedEventTypes,
                                   String language, String timeZone) {

    public NotificationSettings {
        frequency = frequency == null ? Frequency.IMMEDIATE : frequency;
        mutedEventTypes = mutedEventTypes == null ? Set.of() : Set.copyOf(mutedEventTypes);
    }

    public static NotificationSettings defaults() {
        return new NotificationSettings(true, null, Frequency.IMMEDIATE, Set.of(), null, null);
    }
}
