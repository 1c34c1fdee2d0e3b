package com.rapport.notification.preference;

import com.rapport.notification.message.Language;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code PUT /api/notification-preferences/{partnerId}}. A PUT replaces: a field left out takes its
 * default (email on, no webhook, IMMEDIATE, nothing muted, the registered language, the default time zone).
 */
public record PreferencesRequest(Boolean email, @Valid WebhookRequest webhook, Frequency frequency,
                                 List<String> mutedEventTypes, String language, String timeZone) {

    public record WebhookRequest(
            @NotBlank @Pattern(regexp = "(?i)https?://\\S+", message = "must be an http(s) URL") String url,
            @NotBlank String secret) {
    }

    public NotificationSettings toSettings() {
        List<Map<String, String>> errors = new ArrayList<>();
        Set<String> muted = new LinkedHashSet<>();
        List<String> names = mutedEventTypes == null ? List.of() : mutedEventTypes;
        for (int i = 0; i < names.size(); i++) {
            Optional<String> type = EventTypeNames.canonical(names.get(i));
            if (type.isPresent()) {
                muted.add(type.get());
            } else {
                errors.add(error("mutedEventTypes[" + i + "]", "is not an event type of the contract"));
            }
        }
        String chosenLanguage = null;
        if (language != null) {
            chosenLanguage = Language.ofCode(language).map(Language::code).orElse(null);
            if (chosenLanguage == null) {
                errors.add(error("language", "must be one of en, fr, zh"));
            }
        }
        if (timeZone != null && !isTimeZone(timeZone)) {
            errors.add(error("timeZone", "must be a time zone such as Europe/Paris"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidPreferencesException(errors);
        }
        Webhook hook = webhook == null ? null : new Webhook(webhook.url().trim(), webhook.secret());
        return new NotificationSettings(email == null || email, hook, frequency, muted, chosenLanguage,
                timeZone == null ? null : ZoneId.of(timeZone).getId());
    }

    private static boolean isTimeZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
