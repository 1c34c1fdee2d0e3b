package com.rapport.notification.preference;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps the {@link PartnerPreferences} read model (query side). Subscribing and propagating errors (see
 * {@link PreferencesAxonConfiguration}): a PUT answers with what it wrote, and fails rather than leaves it stale.
 */
@Component
@ProcessingGroup(PreferencesProjection.GROUP)
class PreferencesProjection {

    static final String GROUP = "notification-preferences";

    private final MongoTemplate mongo;

    PreferencesProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(NotificationPreferencesChanged changed, @Timestamp Instant at) {
        NotificationSettings settings = changed.settings();
        mongo.save(new PartnerPreferences(changed.partnerId().value(), settings.email(), settings.webhook(),
                settings.frequency(), settings.mutedEventTypes(), settings.language(), settings.timeZone(), at));
    }
}
