package com.rapport.commission.payout;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.rapport.commission.config.CommissionProperties;
import com.rapport.commission.ledger.EntryType;
import com.rapport.commission.ledger.LedgerEntry;
import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;
import com.rapport.testsupport.TestInfrastructure;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payouts never include an entry twice, nor a held one: random ledgers (about a quarter of the entries held), random
 * sequences of batch creations (some of them racing each other), cancellations and confirmations, on a real
 * MongoDB-wire server with the real claim code.
 */
class PayoutClaimInvariantsTest {

    private static final String[] CURRENCIES = {"EUR", "JPY", "BHD"};
    private static MongoClient client;

    @BeforeContainer
    static void connect() {
        client = MongoClients.create(TestInfrastructure.shared().mongo().connectionString());
    }

    @AfterContainer
    static void disconnect() {
        client.close();
    }

    record Step(int kind, LocalDate asOf, int pick) {
    }

    record Run(List<LedgerEntry> entries, List<Step> steps) {
    }

    @Provide
    Arbitrary<Run> runs() {
        return Arbitraries.randomValue(PayoutClaimInvariantsTest::run);
    }

    @Property(tries = 60)
    void noEntryIsEverInTwoLiveBatchesAndNoHeldEntryInAny(@ForAll("runs") Run run) {
        ReactiveMongoTemplate mongo = MappedTemplates.of(client, "payout-claims-" + UUID.randomUUID());
        CommissionProperties properties = new CommissionProperties(ZoneOffset.UTC, Duration.ofSeconds(30),
                Duration.ofSeconds(30), 7);
        PayoutClaims claims = new PayoutClaims(mongo, Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"),
                ZoneOffset.UTC), properties, new PayoutProperties(Duration.ofMinutes(10), null),
                batchId -> BatchStatus.OPEN);
        PayoutClaimPlanner planner = new PayoutClaimPlanner(mongo, claims, (partner, currency) -> Optional.empty(),
                partner -> Optional.empty(), properties);
        Set<String> heldEntries = new HashSet<>();
        run.entries().forEach(entry -> {
            OpenItem item = OpenItem.of(entry.entryId(), entry.partnerId(), entry.amount(), entry.payableAt());
            if (entry.entryId().hashCode() % 4 == 0) {
                // a finance hold or an open dispute
                item = item.onHold();
                heldEntries.add(entry.entryId());
            }
            mongo.save(item).block();
        });

        Map<String, List<BatchLine>> live = new HashMap<>();
        List<String> paid = new ArrayList<>();
        for (Step step : run.steps()) {
            switch (step.kind()) {
                case 0 -> live.put(UUID.randomUUID().toString(), List.of());
                case 1 -> {
                    // two finance users create batches at the same moment
                    String a = UUID.randomUUID().toString();
                    String b = UUID.randomUUID().toString();
                    CompletableFuture<List<BatchLine>> first =
                            CompletableFuture.supplyAsync(() -> planner.claimLines(a, step.asOf()));
                    CompletableFuture<List<BatchLine>> second =
                            CompletableFuture.supplyAsync(() -> planner.claimLines(b, step.asOf()));
                    live.put(a, first.join());
                    live.put(b, second.join());
                }
                case 2 -> {
                    String batchId = UUID.randomUUID().toString();
                    live.put(batchId, planner.claimLines(batchId, step.asOf()));
                }
                case 3 -> {
                    // cancel: the projection gives the claims back
                    List<String> open = live.keySet().stream().filter(id -> !paid.contains(id)).sorted().toList();
                    if (!open.isEmpty()) {
                        String batchId = open.get(step.pick() % open.size());
                        live.remove(batchId).forEach(line -> claims.release(batchId, line.entryIds()));
                    }
                }
                default -> live.keySet().stream().sorted().skip(step.pick() % Math.max(1, live.size())).findFirst()
                        .ifPresent(paid::add);
            }
            Set<String> held = new HashSet<>();
            for (List<BatchLine> lines : live.values()) {
                for (BatchLine line : lines) {
                    assertThat(line.amount().isPositive()).isTrue();
                    for (String entryId : line.entryIds()) {
                        assertThat(held.add(entryId)).as("entry %s is in two live batches", entryId).isTrue();
                        assertThat(heldEntries).as("held entries are in no batch").doesNotContain(entryId);
                    }
                }
            }
        }
        mongo.getMongoDatabase().flatMap(db -> reactor.core.publisher.Mono.from(db.drop())).block();
    }

    static Run run(Random random) {
        List<LedgerEntry> entries = new ArrayList<>();
        int count = 5 + random.nextInt(40);
        for (int i = 0; i < count; i++) {
            String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
            int scale = Money.scaleOf(Money.currencyOf(currency));
            long units = 1 + random.nextInt(100_000);
            boolean reversal = random.nextInt(5) == 0;
            Money amount = new Money(BigDecimal.valueOf(reversal ? -units : units, scale), Money.currencyOf(currency));
            LocalDate payable = LocalDate.parse("2026-11-01").plusDays(random.nextInt(30));
            entries.add(new LedgerEntry(UUID.randomUUID().toString(), "p" + random.nextInt(4), "r" + i,
                    CommissionRole.INTRODUCER, reversal ? EntryType.REVERSAL : EntryType.ACCRUAL, amount,
                    new BigDecimal("0.10"), amount, payable, Instant.now(), "e" + i, "test", payable, null));
        }
        List<Step> steps = new ArrayList<>();
        int stepCount = 3 + random.nextInt(8);
        for (int i = 0; i < stepCount; i++) {
            steps.add(new Step(random.nextInt(5), LocalDate.parse("2026-11-01").plusDays(random.nextInt(35)),
                    random.nextInt(100)));
        }
        return new Run(entries, steps);
    }
}
