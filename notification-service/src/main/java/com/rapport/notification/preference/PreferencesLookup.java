package com.rapport.notification.preference;

import com.rapport.notification.directory.PartnerContact;
import com.rapport.notification.message.Addressee;
import com.rapport.notification.message.Language;
import com.rapport.support.id.PartnerId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.ZoneId;

/** A partner's current preferences, for the threads that write and deliver notifications (blocking). */
@Component
public class PreferencesLookup {

    private final MongoTemplate mongo;
    private final PreferenceProperties properties;

    public PreferencesLookup(MongoTemplate mongo, PreferenceProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    public PartnerPreferences of(PartnerId partnerId) {
        PartnerPreferences found = mongo.findById(partnerId.value(), PartnerPreferences.class);
        return found != null ? found : PartnerPreferences.defaults(partnerId);
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
