package com.rapport.support.time;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The one clock of every service (timestamps, time windows, "today"), so that tests can fix or move time by
 * declaring a {@code Clock} bean of their own. {@code rapport.clock.zone} (default UTC, i.e. {@code Clock.systemUTC()})
 * is the zone of "today".
 */
@AutoConfiguration
public class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    public Clock clock(@Value("${rapport.clock.zone:UTC}") ZoneId zone) {
        return Clock.system(zone.normalized());
    }
}
