package com.rapport.notification.preference;

import com.rapport.notification.directory.PartnerContact;
import com.rapport.notification.message.Addressee;
import com.rapport.notification.message.Language;
import com.rapport.support.id.PartnerId;
import com.rapport.notification.config.StoreProperties;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.ZoneId;

/**
 * A partner's current preferences, for the threads that write and deliver notifications: it waits for the store, so
 * never on an event loop (the API reads through {@link PreferencesQueries}).
 */
@Component
public class PreferencesLookup {

    private final ReactiveMongoTemplate mongo;
    private final Duration timeout;
    private final PreferenceProperties properties;

    public PreferencesLookup(ReactiveMongoTemplate mongo, StoreProperties store, PreferenceProperties properties) {
        this.mongo = mongo;
        this.timeout = store.timeout();
        this.properties = properties;
    }

    public PartnerPreferences of(PartnerId partnerId) {
        return mongo.findById(partnerId.value(), PartnerPreferences.class)
                .defaultIfEmpty(PartnerPreferences.defaults(partnerId)).block(timeout);
    }

    /** The zone the partner's dates and digest hour are in. */
    public ZoneId timeZoneOf(PartnerPreferences preferences) {
        return preferences.timeZone() != null ? ZoneId.of(preferences.timeZone()) : properties.defaultTimeZone();
    }

    /** The language chosen in the preferences, else the one the partner registered with, else English. */
    public Language languageOf(PartnerPreferences preferences, PartnerContact partner) {
        return Language.orDefault(preferences.language() != null ? preferences.language() : partner.language());
    }

    /** How to address the partner now: its name, current language and time zone. */
    public Addressee addressee(PartnerContact partner, PartnerPreferences preferences) {
        return new Addressee(partner.name(), languageOf(preferences, partner), timeZoneOf(preferences));
    }
}
