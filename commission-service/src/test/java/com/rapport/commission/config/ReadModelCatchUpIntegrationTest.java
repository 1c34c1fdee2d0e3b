package com.rapport.commission.config;

import com.rapport.commission.CommissionServiceTestBase;
import com.rapport.commission.accrual.CommissionAccrued;
import com.rapport.commission.ledger.LedgerProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10, defect 3: a read-model write that fails once must not lose the ledger entry. Before the fix the ledger
 * projection was subscribing: its failure failed the command after the events were stored, the Kafka record was
 * retried, the aggregate recognised the event as applied, and the entry never reached the ledger. Now the projection
 * runs on a tracking processor that retries from its token.
 */
@Import(ReadModelCatchUpIntegrationTest.FailingLedgerWrites.class)
class ReadModelCatchUpIntegrationTest extends CommissionServiceTestBase {

    @Autowired
    FailingLedgerWrites failing;

    @Test
    void anEntryWhoseLedgerWriteFailedOnceStillReachesTheLedgerAndTheSummary() {
        String partner = newId();
        String referral = newId();
        failing.failOnceFor(referral);
        referralService.contractSigned(referral, partner, "1000.00", "EUR", 1);
        referralService.paymentReceived(referral, partner, "1000.00", "1000.00", "EUR", "2026-11-20");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(TOKENS.partner(partner)).get()
                .uri("/api/commissions?referralId={r}", referral).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].amount.amount").isEqualTo(List.of("100.00")));
        assertThat(failing.failed()).contains(referral);
        as(TOKENS.partner(partner)).get().uri("/api/commissions/summary").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.currencies[0].accrued.amount").isEqualTo("100.00");
    }

    /** A ledger write that fails the first time it meets an accrual of the chosen referral (a database hiccup). */
    @TestConfiguration
    static class FailingLedgerWrites {

        private final Set<String> toFail = ConcurrentHashMap.newKeySet();
        private final Set<String> failed = ConcurrentHashMap.newKeySet();

        void failOnceFor(String referralId) {
            toFail.add(referralId);
        }

        Set<String> failed() {
            return failed;
        }

        @Bean
        FailingLedgerWrite failingLedgerWrite() {
            return new FailingLedgerWrite(this);
        }
    }

    /** In the ledger's processing group, ahead of the ledger projection. */
    @ProcessingGroup(LedgerProjection.GROUP)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class FailingLedgerWrite {

        private final FailingLedgerWrites writes;

        FailingLedgerWrite(FailingLedgerWrites writes) {
            this.writes = writes;
        }

        @EventHandler
        void on(CommissionAccrued event) {
            if (writes.toFail.remove(event.referralId())) {
                writes.failed.add(event.referralId());
                throw new IllegalStateException("the ledger could not be written (test)");
            }
        }
    }
}
