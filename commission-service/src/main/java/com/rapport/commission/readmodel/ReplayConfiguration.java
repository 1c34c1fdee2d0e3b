package com.rapport.commission.readmodel;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The subscribing projections a replay rebuilds (the relay is a tracking processor: it keeps its own token). */
@Configuration
class ReplayConfiguration {

    @Bean
    ReadModelReplay.ReplayedGroups replayedGroups() {
        return new ReadModelReplay.ReplayedGroups(
                List.of("plans", "ledger", "payouts", "invoices", "deal-terms", "outlook"));
    }
}
