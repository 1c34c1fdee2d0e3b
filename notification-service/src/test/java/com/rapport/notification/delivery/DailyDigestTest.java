package com.rapport.notification.delivery;

import com.rapport.events.money.Money;
import com.rapport.events.referral.ReferralDeliveredV1;
import com.rapport.events.referral.ReferralQualifiedV1;
import com.rapport.events.referral.ReferralQuotedV1;
import com.rapport.notification.IntegrationTest;
import com.rapport.notification.Mailbox;
import com.rapport.notification.TestPartner;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** DAILY_DIGEST: one email a day at the digest hour of the partner's own time zone, with everything that waited. */
class DailyDigestTest extends IntegrationTest {

    private static final int LAST_QUIET_MINUTE = 55;

    @Test
    void aDigestPartnerGetsOneEmailAtTheDigestHourOfItsTimeZoneAndTheRestTomorrow() {
        TestPartner partner = TestPartner.register("Li Na", "en");
        ZoneOffset zone = zoneWhereItIsNow(DIGEST_HOUR - 1);
        putPreferences(partner, """
                {"frequency": "DAILY_DIGEST", "timeZone": "%s"}
                """.formatted(zone.getId()));
        String client = "Digest Co " + UUID.randomUUID().toString().substring(0, 8);
        String referral = partner.refers(client);
        KAFKA.publish(new ReferralQualifiedV1(referral, partner.partnerId()));
        KAFKA.publish(new ReferralQuotedV1(referral, partner.partnerId(), Money.of("5000.00", "EUR")));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(emailStatuses(partner))
                .containsExactly("PENDING", "PENDING", "PENDING"));
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE)
                .until(() -> partner.mailbox().messages().isEmpty());

        // the partner's clock reaches the digest hour
        clock.setTo(clock.instant().atOffset(zone).truncatedTo(ChronoUnit.HOURS).plusHours(1).plusSeconds(1)
                .toInstant());
        await().atMost(PATIENCE).until(() -> partner.mailbox().messages().size() == 1);
        MimeMessage digest = partner.mailbox().messages().get(0);
        assertThat(Mailbox.subject(digest)).startsWith("Your Rapport summary for ").endsWith(": 3 updates");
        assertThat(Mailbox.plainText(digest)).contains("Hello Li Na,", "Referral received: " + client,
                client + " is qualified", "Quote sent to " + client, "€5,000.00", "Kind regards");
        assertThat(Mailbox.html(digest)).contains("Quote sent to " + client);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(emailStatuses(partner))
                .containsExactly("SENT", "SENT", "SENT"));

        // what happens later that day waits for tomorrow's digest
        KAFKA.publish(new ReferralDeliveredV1(referral, partner.partnerId()));
        await().atMost(PATIENCE).until(() -> emailStatuses(partner).size() == 4);
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> partner.mailbox().messages().size() == 1);
        assertThat(emailStatuses(partner).get(0)).isEqualTo("PENDING");
    }

    /** A fixed-offset zone in which the local hour is {@code hour} right now, and stays so for a few minutes. */
    private ZoneOffset zoneWhereItIsNow(int hour) {
        if (clock.instant().atOffset(ZoneOffset.UTC).getMinute() >= LAST_QUIET_MINUTE) {
            // too close to the next hour for the test to run before it: move on (time only ever moves forward)
            clock.setTo(clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1).plusMinutes(1)));
        }
        int utcHour = clock.instant().atOffset(ZoneOffset.UTC).getHour();
        int offset = hour - utcHour;
        while (offset > 12) {
            offset -= 24;
        }
        while (offset < -11) {
            offset += 24;
        }
        ZoneOffset zone = ZoneOffset.ofHours(offset);
        assertThat(clock.instant().atOffset(zone).getHour()).isEqualTo(hour);
        return zone;
    }

    private List<String> emailStatuses(TestPartner partner) {
        return StreamSupport.stream(notificationsOf(partner).path("items").spliterator(), false)
                .map(n -> delivery(n, "EMAIL").path("status").asText()).toList();
    }

}
