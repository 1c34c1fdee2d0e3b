package com.rapport.commission;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Tests run on a known business day, so "pending", "payable" and payout dates do not depend on the calendar. */
@TestConfiguration
public class FixedBusinessDay {

    public static final Instant TODAY = Instant.parse("2026-11-26T12:00:00Z");

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(TODAY, ZoneOffset.UTC);
    }
}
