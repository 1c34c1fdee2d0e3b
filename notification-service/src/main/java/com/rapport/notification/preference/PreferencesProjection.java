package com.rapport.notification.preference;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import com.rapport.notification.config.StoreProperties;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the {@link PartnerPreferences} read model (query side). Subscribing and propagating errors (see
 * {@link PreferencesAxonConfiguration}): a PUT answers with what it wrote, and fails rather than leaves it stale.
 * Runs on the command bus's worker thread, never an event loop, so it waits for the write.
 */
@Component
@ProcessingGroup(PreferencesProjection.GROUP)
class PreferencesProjection {

    static final String GROUP = "notification-preferences";

    private final ReactiveMongoTemplate mongo;
    private final Duration timeout;

    PreferencesProjection(ReactiveMongoTemplate mongo, StoreProperties store) {
        this.mongo = mongo;
        this.timeout = store.timeout();
    }

    @EventHandler
    void on(NotificationPreferencesChanged changed, @Timestamp Instant at) {
        NotificationSettings settings = changed.settings();
        mongo.save(new PartnerPreferences(changed.partnerId().value(), settings.email(), settings.webhook(),
                settings.frequency(), settings.mutedEventTypes(), settings.language(), settings.timeZone(), at))
                .block(timeout);
    }
}
