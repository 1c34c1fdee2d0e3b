package com.rapport.commission.readmodel;

import com.rapport.commission.CommissionServiceTestBase;
import com.rapport.commission.payout.OpenItem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A read model that lost writes is rebuilt from the event store, and a replay changes nothing else. */
class ReadModelReplayIntegrationTest extends CommissionServiceTestBase {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void lostLedgerEntriesComeBackFromTheEventsAndNothingIsCountedTwice() {
        String partner = paidTwiceAtTenPercent("Partner R");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(TOKENS.finance()).get()
                .uri("/api/commissions?partnerId={p}", partner).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(2));

        mongo.remove(Query.query(Criteria.where("partnerId").is(partner)), "ledger_entries").block();
        as(TOKENS.finance()).get().uri("/api/commissions?partnerId={p}", partner).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0);

        as(TOKENS.finance()).post().uri("/api/commissions/read-models/replay").exchange().expectStatus().isForbidden();
        as(TOKENS.admin()).post().uri("/api/commissions/read-models/replay").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.replayedEvents").value(n ->
                        assertThat(((Number) n).longValue()).isPositive());

        as(TOKENS.finance()).get().uri("/api/commissions?partnerId={p}", partner).exchange()
                .expectBody()
                .jsonPath("$.items[*].amount.amount").isEqualTo(List.of("30.00", "60.00"));
        as(TOKENS.finance()).get().uri("/api/commissions/summary?partnerId={p}", partner).exchange()
                .expectBody()
                .jsonPath("$.currencies[0].accrued.amount").isEqualTo("90.00")
                .jsonPath("$.currencies[0].projected.amount").isEqualTo("0.00");
    }

    @Test
    void lostOpenItemsComeBackFromTheEventsOncePerEntry() {
        String partner = paidTwiceAtTenPercent("Partner O");
        Query partners = Query.query(Criteria.where("partnerId").is(partner));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(mongo.count(partners, OpenItem.COLLECTION).block()).isEqualTo(2));

        mongo.remove(partners, OpenItem.COLLECTION).block();
        as(TOKENS.admin()).post().uri("/api/commissions/read-models/replay").exchange().expectStatus().isOk();

        assertThat(mongo.find(partners, OpenItem.class).collectList().block())
                .extracting(item -> item.amount().amount().toPlainString())
                .containsExactlyInAnyOrder("30.00", "60.00");
    }

    /** A partner whose referral's client paid 300.00 and then 600.00 EUR of a 900.00 contract: 30.00 and 60.00. */
    private String paidTwiceAtTenPercent(String name) {
        String partner = newId();
        String referral = newId();
        referralService.partnerRegistered(partner, name, null);
        referralService.contractSigned(referral, partner, "900.00", "EUR", 1);
        referralService.paymentReceived(referral, partner, "300.00", "300.00", "EUR", "2026-11-02");
        referralService.paymentReceived(referral, partner, "600.00", "900.00", "EUR", "2026-11-03");
        return partner;
    }
}
