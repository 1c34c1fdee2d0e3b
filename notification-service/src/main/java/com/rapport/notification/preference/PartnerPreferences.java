package com.rapport.notification.preference;

import com.rapport.support.id.PartnerId;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.Set;

/**
 * The read model of a partner's notification preferences (query side), projected from the
 * {@link NotificationPreferences} aggregate's events. {@code language} and {@code timeZone} are null until the
 * partner chooses: then the language the partner registered with, and the service's default zone, apply.
 */
@Document("notification-preferences")
public record PartnerPreferences(@Id String partnerId, boolean email, Webhook webhook, Frequency frequency,
                                 Set<String> mutedEventTypes, String language, String timeZone, Instant updatedAt) {

    public PartnerPreferences {
        mutedEventTypes = mutedEventTypes == null ? Set.of() : Set.copyOf(mutedEventTypes);
        frequency = frequency == null ? Frequency.IMMEDIATE : frequency;
    }

    /** What applies to a partner who never changed anything: every email, at once, no webhook. */
    public static PartnerPreferences defaults(PartnerId partnerId) {
        return new PartnerPreferences(partnerId.value(), true, null, Frequency.IMMEDIATE, Set.of(), null, null, null);
    }

    /** Does the partner not want this event type told? Never true for a referral's outcome. */
    public boolean mutes(String cloudEventType) {
        return mutedEventTypes.contains(cloudEventType) && !EventTypeNames.isOutcome(cloudEventType);
    }
}
