package com.rapport.commission.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** "Today" (what is pending, what is payable) comes from one clock that tests may replace. */
@Configuration
public class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Clock clock(CommissionProperties properties) {
        return Clock.system(properties.zone());
    }
}
