package com.rapport.notification.preference;

import com.rapport.notification.directory.PartnerContact;
import com.rapport.notification.message.Language;
import com.rapport.support.id.PartnerId;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Optional;

/** Reads preferences for the API without blocking. */
@Component
public class PreferencesQueries {

    private final ReactiveMongoTemplate mongo;
    private final PreferenceProperties properties;

    public PreferencesQueries(ReactiveMongoTemplate mongo, PreferenceProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    public Mono<PreferencesView> of(PartnerId partnerId) {
        Mono<PartnerPreferences> preferences = mongo.findById(partnerId.value(), PartnerPreferences.class)
                .defaultIfEmpty(PartnerPreferences.defaults(partnerId));
        Mono<Optional<PartnerContact>> partner = mongo.findById(partnerId.value(), PartnerContact.class)
                .map(Optional::of).defaultIfEmpty(Optional.empty());
        return Mono.zip(preferences, partner).map(found -> {
            PartnerPreferences chosen = found.getT1();
            String registered = found.getT2().map(PartnerContact::language).orElse(null);
            return new PreferencesView(partnerId.value(), chosen.email(), chosen.webhook(), chosen.frequency(),
                    chosen.mutedEventTypes().stream().sorted().toList(),
                    Language.orDefault(chosen.language() != null ? chosen.language() : registered).code(),
                    chosen.timeZone() != null ? chosen.timeZone() : properties.defaultTimeZone().getId(),
                    chosen.updatedAt());
        });
    }
}
