package com.rapport.notification.delivery;

import com.rapport.notification.delivery.email.DigestSchedule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class DigestScheduleTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final DigestSchedule atEight = new DigestSchedule(8);

    @Test
    void notDueBeforeTheHourInThePartnersTimeZone() {
        // 23:30 UTC on the 19th is 07:30 on the 20th in Shanghai
        assertThat(atEight.isDue(Instant.parse("2026-11-19T23:30:00Z"), SHANGHAI, null)).isFalse();
    }

    @Test
    void dueFromTheHourInThePartnersTimeZone() {
        // 00:00 UTC on the 20th is 08:00 in Shanghai, while it is still midnight in London
        Instant eightInShanghai = Instant.parse("2026-11-20T00:00:00Z");

        assertThat(atEight.isDue(eightInShanghai, SHANGHAI, null)).isTrue();
        assertThat(atEight.isDue(eightInShanghai, ZoneId.of("Europe/London"), null)).isFalse();
    }

    @Test
    void onceADayOnly() {
        Instant afternoonInShanghai = Instant.parse("2026-11-20T07:00:00Z");

        assertThat(atEight.isDue(afternoonInShanghai, SHANGHAI, LocalDate.of(2026, 11, 20))).isFalse();
        assertThat(atEight.isDue(afternoonInShanghai, SHANGHAI, LocalDate.of(2026, 11, 19))).isTrue();
        assertThat(atEight.dayOf(afternoonInShanghai, SHANGHAI)).isEqualTo(LocalDate.of(2026, 11, 20));
    }
}
