package com.rapport.commission.payout;

import com.rapport.commission.CommissionServiceTestBase;
import com.rapport.commission.FixedBusinessDay;
import com.rapport.commission.config.CommissionProperties;
import com.rapport.events.money.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10 defect 2: one ledger entry must never be in two batches that are not CANCELLED, when opening a batch times
 * out (the command may still complete) and when a second instance takes a slow first instance's claims for orphans.
 * Two independent creators (each with its own claim code, as two instances would have) share the real event store,
 * command bus and read models; one of them reaches the command bus late. Both tests failed before the fix: the slow
 * creator gave its claims back on a timeout (or the other instance released them because the batch was missing
 * from the read model), the other batch took the entries, and then the slow batch opened over them as well.
 */
class PayoutClaimRaceIntegrationTest extends CommissionServiceTestBase {

    private static final LocalDate AS_OF = LocalDate.parse("2026-11-20");

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    CommandGateway gateway;
    @Autowired
    CommissionProperties properties;

    @Nested
    class WhenOpeningABatchTimesOut {

        @Test
        void itsClaimsStayUntilItsFateIsKnownAndNoOtherBatchTakesTheEntries() {
            String partner = newId();
            List<String> entries = openItems(partner, 3);
            String slowBatch = newId();
            CommandGateway late = delayed(gateway, Duration.ofMillis(1500));
            PayoutBatchCreator slow = creator(partner, late, Duration.ofMillis(300), Clock.fixed(FixedBusinessDay.TODAY,
                    ZoneOffset.UTC));
            assertThatThrownBy(() -> slow.create(slowBatch, AS_OF, "alice")).isInstanceOf(RuntimeException.class);

            String otherBatch = newId();
            creator(partner, gateway, Duration.ofSeconds(30), Clock.fixed(FixedBusinessDay.TODAY, ZoneOffset.UTC))
                    .create(otherBatch, AS_OF, "bob");

            // the late command opens the slow batch after all
            await().atMost(Duration.ofSeconds(20)).until(() -> batch(slowBatch) != null);
            sleep(Duration.ofSeconds(2));
            assertNoEntryInTwoLiveBatches(entries, slowBatch, otherBatch);
            assertThat(entriesOf(slowBatch)).containsExactlyInAnyOrderElementsOf(entries);
        }
    }

    @Nested
    class WhenAnotherInstanceFindsClaimsWithoutABatch {

        @Test
        void itSettlesTheBatchFirstSoTheSlowBatchNeverOpensOverTheEntries() throws Exception {
            String partner = newId();
            List<String> entries = openItems(partner, 3);
            String slowBatch = newId();
            PayoutBatchCreator slow = creator(partner, delayed(gateway, Duration.ofMillis(1500)),
                    Duration.ofSeconds(20), Clock.fixed(FixedBusinessDay.TODAY, ZoneOffset.UTC));
            CompletableFuture<Void> slowCreation = CompletableFuture.runAsync(
                    () -> slow.create(slowBatch, AS_OF, "alice"));
            await().atMost(Duration.ofSeconds(10)).until(() -> claimsOf(slowBatch).size() == entries.size());

            // the second instance looks an hour later: the claims are past the orphan timeout, the batch not shown
            String otherBatch = newId();
            creator(partner, gateway, Duration.ofSeconds(30),
                    Clock.offset(Clock.fixed(FixedBusinessDay.TODAY, ZoneOffset.UTC), Duration.ofHours(1)))
                    .create(otherBatch, AS_OF, "bob");

            try {
                slowCreation.get(30, TimeUnit.SECONDS);
            } catch (Exception expected) {
                // the slow batch may fail to open; what matters is where the entries are
            }
            sleep(Duration.ofMillis(500));
            assertNoEntryInTwoLiveBatches(entries, slowBatch, otherBatch);
            Set<String> placed = new HashSet<>(entriesOf(slowBatch));
            placed.addAll(entriesOf(otherBatch));
            assertThat(placed).containsExactlyInAnyOrderElementsOf(entries);
        }
    }

    private void assertNoEntryInTwoLiveBatches(List<String> entries, String... batchIds) {
        Set<String> seen = new HashSet<>();
        for (String batchId : batchIds) {
            for (String entryId : entriesOf(batchId)) {
                if (entries.contains(entryId)) {
                    assertThat(seen.add(entryId)).as("entry %s is in two live batches", entryId).isTrue();
                }
            }
        }
    }

    /** The entries of a batch that is not CANCELLED (none when it never opened). */
    private List<String> entriesOf(String batchId) {
        Document batch = batch(batchId);
        if (batch == null || BatchStatus.CANCELLED.name().equals(batch.getString("status"))) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        batch.getList("lines", Document.class).forEach(line -> ids.addAll(line.getList("entryIds", String.class)));
        return ids;
    }

    private Document batch(String batchId) {
        return mongo.findById(batchId, Document.class, PayoutBatchProjection.BATCHES).block();
    }

    private List<Document> claimsOf(String batchId) {
        return mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("batchId").is(batchId)),
                Document.class, PayoutClaims.CLAIMS).collectList().block();
    }

    private List<String> openItems(String partner, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String entryId = newId();
            mongo.save(OpenItem.of(entryId, partner, Money.of("10.00", "EUR"), LocalDate.parse("2026-11-01")))
                    .block();
            ids.add(entryId);
        }
        return ids;
    }

    /** An independent creator (as on another instance): its own claim code, clock and way to the command bus. */
    private PayoutBatchCreator creator(String partner, CommandGateway commands, Duration timeout, Clock clock) {
        BatchFates fates = batchId -> {
            try {
                return (BatchStatus) commands.send(new AbandonPayoutBatch(batchId))
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception unknown) {
                throw new IllegalStateException("fate of " + batchId + " unknown", unknown);
            }
        };
        PayoutClaims claims = new PayoutClaims(mongo, clock, properties,
                new PayoutProperties(Duration.ofMinutes(10), null), fates);
        // only this test's partner is paid: other tests' entries in the shared database are skipped, never claimed
        PayoutClaimPlanner planner = new PayoutClaimPlanner(mongo, claims, (p, currency) -> Optional.empty(),
                p -> partner.equals(p) ? Optional.empty() : Optional.of(SkippedLine.NO_TAX_PROFILE), properties);
        return new PayoutBatchCreator(planner, claims, commands, timeout);
    }

    /** The same command bus, reached late: every command is sent only after {@code delay}. */
    private static CommandGateway delayed(CommandGateway real, Duration delay) {
        return (CommandGateway) Proxy.newProxyInstance(CommandGateway.class.getClassLoader(),
                new Class<?>[]{CommandGateway.class}, (proxy, method, args) -> {
                    if ("send".equals(method.getName()) && args != null && args.length == 1) {
                        return CompletableFuture.runAsync(() -> sleep(delay))
                                .thenCompose(ignored -> real.send(args[0]));
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
