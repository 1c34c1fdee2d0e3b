package com.rapport.notification.preference;

import java.time.Instant;
import java.util.List;

/**
 * Preferences as API.md shows them, plus the language and time zone that apply (chosen, or else registered /
 * default) and when they last changed (null: never).
 */
public record PreferencesView(String partnerId, boolean email, Webhook webhook, Frequency frequency,
                              List<String> mutedEventTypes, String language, String timeZone, Instant updatedAt) {
}
