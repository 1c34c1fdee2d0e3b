package com.rapport.notification.preference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rapport.support.id.PartnerId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationPreferencesTest {

    private static final PartnerId PARTNER = PartnerId.of("partner-1");
    private static final Webhook HOOK = new Webhook("https://hooks.example/rapport", "s3cret-s3cret");

    private FixtureConfiguration<NotificationPreferences> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(NotificationPreferences.class);
    }

    @Test
    void aPartnersFirstChoiceCreatesItsPreferences() {
        NotificationSettings french = new NotificationSettings(true, HOOK, Frequency.IMMEDIATE, Set.of(), "fr",
                "Europe/Paris");

        fixture.givenNoPriorActivity()
                .when(new ChangeNotificationPreferences(PARTNER, french))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NotificationPreferencesChanged(PARTNER, french));
    }

    @Test
    void choosingTheDefaultsFirstIsRecordedToo() {
        fixture.givenNoPriorActivity()
                .when(new ChangeNotificationPreferences(PARTNER, NotificationSettings.defaults()))
                .expectEvents(new NotificationPreferencesChanged(PARTNER, NotificationSettings.defaults()));
    }

    @Test
    void aChangeIsRecordedWithTheWholeNewChoice() {
        NotificationSettings digest = new NotificationSettings(true, null, Frequency.DAILY_DIGEST,
                Set.of("rapport.referral.milestone-reached.v1"), null, "Asia/Shanghai");

        fixture.given(new NotificationPreferencesChanged(PARTNER, NotificationSettings.defaults()))
                .when(new ChangeNotificationPreferences(PARTNER, digest))
                .expectEvents(new NotificationPreferencesChanged(PARTNER, digest));
    }

    @Test
    void choosingWhatIsAlreadyChosenRecordsNothing() {
        NotificationSettings chosen = new NotificationSettings(false, HOOK, Frequency.IMMEDIATE,
                Set.of("rapport.referral.quoted.v1"), "zh", null);

        fixture.given(new NotificationPreferencesChanged(PARTNER, chosen))
                .when(new ChangeNotificationPreferences(PARTNER, chosen))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDailyDigestWithoutEmailIsRefused() {
        NotificationSettings digestWithoutEmail = new NotificationSettings(false, HOOK, Frequency.DAILY_DIGEST,
                Set.of(), null, null);

        fixture.given(new NotificationPreferencesChanged(PARTNER, NotificationSettings.defaults()))
                .when(new ChangeNotificationPreferences(PARTNER, digestWithoutEmail))
                .expectException(DigestNeedsEmailException.class)
                .expectNoEvents();
    }

    @Test
    void aFirstChoiceOfADigestWithoutEmailIsRefusedToo() {
        fixture.givenNoPriorActivity()
                .when(new ChangeNotificationPreferences(PARTNER,
                        new NotificationSettings(false, null, Frequency.DAILY_DIGEST, Set.of(), null, null)))
                .expectException(DigestNeedsEmailException.class);
    }

    @Test
    void storedEventsKeepThePartnerIdAsAPlainStringSoEarlierOnesStillReadBack() throws Exception {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        NotificationPreferencesChanged changed = new NotificationPreferencesChanged(PARTNER,
                NotificationSettings.defaults());

        JsonNode stored = json.readTree(json.writeValueAsString(changed));
        assertThat(stored.get("partnerId").isTextual()).isTrue();
        assertThat(stored.get("partnerId").asText()).isEqualTo("partner-1");
        assertThat(json.treeToValue(stored, NotificationPreferencesChanged.class)).isEqualTo(changed);
    }
}
