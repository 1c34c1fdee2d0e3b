package com.rapport.notification.preference;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreferencesRequestTest {

    @Test
    void fieldsLeftOutTakeTheirDefaults() {
        assertThat(new PreferencesRequest(null, null, null, null, null, null).toSettings())
                .isEqualTo(NotificationSettings.defaults());
    }

    @Test
    void eventTypesMayBeNamedAnyWayTheContractNamesThemAndAreKeptAsCloudEventTypes() {
        NotificationSettings settings = new PreferencesRequest(true, null, Frequency.IMMEDIATE,
                List.of("rapport.referral.quoted.v1", "referral.milestone-reached", "PAYMENT_RECEIVED"),
                null, null).toSettings();

        assertThat(settings.mutedEventTypes()).containsExactlyInAnyOrder("rapport.referral.quoted.v1",
                "rapport.referral.milestone-reached.v1", "rapport.referral.payment-received.v1");
    }

    @Test
    void anUnknownEventTypeLanguageOrTimeZoneIsRefusedFieldByField() {
        PreferencesRequest request = new PreferencesRequest(true, null, null,
                List.of("referral.qualified", "referral.teleported"), "de", "Mars/Olympus");

        assertThatThrownBy(request::toSettings).isInstanceOfSatisfying(InvalidPreferencesException.class,
                refused -> assertThat(fields(refused)).containsExactly("mutedEventTypes[1]", "language", "timeZone"));
    }

    @Test
    void aLanguageAndTimeZoneAreKeptInTheirStandardForm() {
        NotificationSettings settings = new PreferencesRequest(null, null, null, null, "FR", "Europe/Paris")
                .toSettings();

        assertThat(settings.language()).isEqualTo("fr");
        assertThat(settings.timeZone()).isEqualTo("Europe/Paris");
        assertThat(settings.mutedEventTypes()).isEqualTo(Set.of());
    }

    @Test
    void outcomesAreNeverMutedEvenWhenNamed() {
        PartnerPreferences preferences = new PartnerPreferences("p", true, null, Frequency.IMMEDIATE,
                Set.of("rapport.referral.contract-signed.v1", "rapport.referral.lost.v1",
                        "rapport.referral.qualified.v1"), null, null, null);

        assertThat(preferences.mutes("rapport.referral.qualified.v1")).isTrue();
        assertThat(preferences.mutes("rapport.referral.contract-signed.v1")).isFalse();
        assertThat(preferences.mutes("rapport.referral.lost.v1")).isFalse();
        assertThat(preferences.mutes("rapport.referral.quoted.v1")).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(InvalidPreferencesException refused) {
        return ((List<Map<String, String>>) refused.properties().get("errors")).stream()
                .map(error -> error.get("field")).toList();
    }
}
