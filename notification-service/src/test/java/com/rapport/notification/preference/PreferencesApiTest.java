package com.rapport.notification.preference;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.notification.IntegrationTest;
import com.rapport.notification.TestPartner;
import com.rapport.notification.directory.PartnerDirectory;
import com.rapport.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code GET/PUT /api/notification-preferences/{partnerId}}: who may, what is kept, what is refused. */
class PreferencesApiTest extends IntegrationTest {

    @Autowired
    private PartnerDirectory partners;

    @Test
    void aPartnerWhoChoseNothingSeesTheDefaultsInItsRegisteredLanguage() {
        TestPartner partner = TestPartner.register("Luc Bernard", "fr");
        await().atMost(PATIENCE).until(() -> partners.find(partner.id()).isPresent());

        JsonNode preferences = get(partner.partnerId(), partner.token()).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(preferences.path("partnerId").asText()).isEqualTo(partner.partnerId());
        assertThat(preferences.path("email").asBoolean()).isTrue();
        assertThat(preferences.path("webhook").isNull()).isTrue();
        assertThat(preferences.path("frequency").asText()).isEqualTo("IMMEDIATE");
        assertThat(preferences.path("mutedEventTypes")).isEmpty();
        assertThat(preferences.path("language").asText()).isEqualTo("fr");
        assertThat(preferences.path("timeZone").asText()).isEqualTo("UTC");
    }

    @Test
    void whatIsPutIsWhatIsReadBack() {
        TestPartner partner = TestPartner.register("Mei Chen", "en");

        JsonNode answered = putPreferences(partner, """
                {"email": true, "webhook": {"url": "https://hooks.example/mei", "secret": "mei-secret"},
                 "frequency": "DAILY_DIGEST", "mutedEventTypes": ["referral.quoted", "MILESTONE_REACHED"],
                 "language": "zh", "timeZone": "Asia/Shanghai"}
                """);
        JsonNode read = get(partner.partnerId(), TestTokens.shared().ops()).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(read).isEqualTo(answered);
        assertThat(read.at("/webhook/url").asText()).isEqualTo("https://hooks.example/mei");
        assertThat(read.at("/webhook/secret").asText()).isEqualTo("mei-secret");
        assertThat(read.path("frequency").asText()).isEqualTo("DAILY_DIGEST");
        assertThat(read.path("mutedEventTypes").toString()).isEqualTo(
                "[\"rapport.referral.milestone-reached.v1\",\"rapport.referral.quoted.v1\"]");
        assertThat(read.path("language").asText()).isEqualTo("zh");
        assertThat(read.path("timeZone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(read.path("updatedAt").asText()).isNotBlank();
    }

    @Test
    void operationsMayChangeAnyPartnersPreferences() {
        String partnerId = UUID.randomUUID().toString();

        put(partnerId, TestTokens.shared().ops(), "{\"email\": false}").expectStatus().isOk()
                .expectBody().jsonPath("$.email").isEqualTo(false);
    }

    @Test
    void anotherPartnerIsToldTheyDoNotExistAndFinanceMayNotTouchThem() {
        String partnerId = UUID.randomUUID().toString();
        String intruder = TestTokens.shared().partner(UUID.randomUUID().toString());

        get(partnerId, intruder).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        put(partnerId, intruder, "{}").expectStatus().isNotFound();
        get(partnerId, TestTokens.shared().finance()).expectStatus().isForbidden();
        web.get().uri("/api/notification-preferences/" + partnerId).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void unknownNamesAreRefusedFieldByField() {
        TestPartner partner = TestPartner.register("Ivan Petrov", "en");

        put(partner.partnerId(), partner.token(), """
                {"mutedEventTypes": ["referral.teleported"], "language": "de", "timeZone": "Mars/Olympus"}
                """).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://docs.rapport.example/problems/validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("mutedEventTypes[0]")
                .jsonPath("$.errors[1].field").isEqualTo("language")
                .jsonPath("$.errors[2].field").isEqualTo("timeZone");
        put(partner.partnerId(), partner.token(), """
                {"webhook": {"url": "ftp://files.example", "secret": ""}}
                """).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(2);
        put(partner.partnerId(), partner.token(), "{\"frequency\": \"HOURLY\"}").expectStatus().isBadRequest();
    }

    @Test
    void aDailyDigestWithoutEmailIsRefused() {
        TestPartner partner = TestPartner.register("Sara Lind", "en");

        put(partner.partnerId(), partner.token(), "{\"email\": false, \"frequency\": \"DAILY_DIGEST\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://docs.rapport.example/problems/digest-needs-email");
    }

    private WebTestClient.ResponseSpec get(String partnerId, String token) {
        return web.get().uri("/api/notification-preferences/" + partnerId).headers(h -> h.setBearerAuth(token))
                .exchange();
    }

    private WebTestClient.ResponseSpec put(String partnerId, String token, String json) {
        return web.put().uri("/api/notification-preferences/" + partnerId).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }
}
