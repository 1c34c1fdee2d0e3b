package com.rapport.commission.accrual;

import com.rapport.commission.accrual.AccrualCommands.LockCommission;
import com.rapport.commission.accrual.AccrualCommands.LockOverride;
import com.rapport.commission.accrual.AccrualCommands.RecordClientPayment;
import com.rapport.commission.accrual.AccrualCommands.RecordClientRefund;
import com.rapport.commission.accrual.AccrualEvents.CommissionAccrued;
import com.rapport.commission.accrual.AccrualEvents.CommissionReversed;
import com.rapport.commission.ledger.BalanceSheet;
import com.rapport.commission.ledger.CurrencyBalance;
import com.rapport.commission.ledger.EntryType;
import com.rapport.commission.ledger.LedgerEntry;
import com.rapport.commission.plan.PlanTerms;
import com.rapport.commission.plan.PlanVersion;
import com.rapport.commission.plan.Tier;
import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invariants of issue 4 over 10,000 random contracts in EUR, JPY and BHD with random payment and refund
 * schedules, random rates, caps and override partners, driven through the real ReferralCommission aggregate
 * (an in-memory Axon event store), with some events delivered twice and some introducers' registrations read
 * only after their contract and part of the cash.
 */
class AccrualInvariantsTest {

    private static final String[] CURRENCIES = {"EUR", "JPY", "BHD"};
    private static Configuration axon;
    private static CommandGateway commands;
    private static final Map<String, List<Object>> published = new ConcurrentHashMap<>();
    /** Creating an aggregate makes the in-memory store scan all it holds: a fresh store every so many contracts. */
    private static final int CONTRACTS_PER_STORE = 500;
    private static int contracts;

    @BeforeContainer
    static void startAxon() {
        // the in-memory store scans every event on a load: the cache keeps 10,000 contracts from going quadratic
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(AggregateConfigurer.defaultConfiguration(ReferralCommission.class)
                        .configureCache(c -> new WeakReferenceCache()))
                .buildConfiguration();
        axon.start();
        axon.eventBus().subscribe(messages -> messages.forEach(message -> {
            if (message instanceof DomainEventMessage<?> domain) {
                published.computeIfAbsent(domain.getAggregateIdentifier(), id -> new ArrayList<>())
                        .add(domain.getPayload());
            }
        }));
        commands = axon.commandGateway();
    }

    @AfterContainer
    static void stopAxon() {
        axon.shutdown();
    }

    /** One step of a referral's cash: a payment or a refund, with the net cash after it. */
    record Cash(boolean refund, Money amount, Money netCash, LocalDate on) {
    }

    /** {@code registeredAfterStep} ≥ 0: the introducer's registration is read only after that cash step. */
    record Scenario(Money contractValue, BigDecimal rate, Money cap, BigDecimal overrideRate, List<Cash> cash,
                    List<Integer> redelivered, int registeredAfterStep) {

        boolean fullyPaid() {
            return cash.get(cash.size() - 1).netCash().equals(contractValue);
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.randomValue(AccrualInvariantsTest::scenario);
    }

    @Property(tries = 10_000)
    void entriesAlwaysAddUpToTheCumulativeTargetAndNeverDoubleCount(@ForAll("scenarios") Scenario scenario) {
        if (++contracts % CONTRACTS_PER_STORE == 0) {
            stopAxon();
            startAxon();
        }
        String referralId = UUID.randomUUID().toString();
        String introducer = "p-" + referralId;
        String parent = scenario.overrideRate() == null ? null : "q-" + referralId;
        PlanTerms terms = new PlanTerms(List.of(new Tier(1, scenario.rate())),
                scenario.overrideRate() == null ? BigDecimal.ZERO : scenario.overrideRate(),
                scenario.cap() == null ? List.of() : List.of(scenario.cap()), 14, List.of());
        boolean lateRegistration = scenario.registeredAfterStep() >= 0;
        commands.sendAndWait(new LockCommission(referralId, "contract-" + referralId, introducer,
                lateRegistration ? null : "P", lateRegistration ? null : parent, !lateRegistration,
                scenario.contractValue(), 1, Instant.parse("2026-01-01T00:00:00Z"),
                new PlanVersion("random", 1, terms, Instant.parse("2026-01-01T00:00:00Z"))));

        Money zero = Money.zero(scenario.contractValue().currency());
        List<Object> commandsSent = new ArrayList<>();
        for (int step = 0; step < scenario.cash().size(); step++) {
            Cash cash = scenario.cash().get(step);
            String eventId = referralId + "/" + step;
            Object command = cash.refund()
                    ? new RecordClientRefund(referralId, eventId, eventId, cash.amount(), at(cash.on()), cash.on(),
                    cash.netCash())
                    : new RecordClientPayment(referralId, eventId, eventId, cash.amount(), at(cash.on()), cash.on(),
                    cash.netCash());
            commands.sendAndWait(command);
            commandsSent.add(command);
            if (scenario.redelivered().contains(step)) {
                // a redelivered earlier event must change nothing, whatever came after it
                commands.sendAndWait(commandsSent.get(scenario.redelivered().indexOf(step) % commandsSent.size()));
            }

            if (step == scenario.registeredAfterStep()) {
                // read twice, as both consumers may see it: the override is locked once, catching up
                commands.sendAndWait(new LockOverride(referralId, "registered-" + referralId, "P", parent));
                commands.sendAndWait(new LockOverride(referralId, "contract-" + referralId + "/registration", "P",
                        parent));
            }

            Map<CommissionRole, Money> earned = earnedByRole(entriesOf(referralId), zero);
            assertThat(earned.get(CommissionRole.INTRODUCER))
                    .isEqualTo(CumulativeAccrual.target(scenario.rate(), scenario.cap(), cash.netCash()));
            if (parent != null && step >= scenario.registeredAfterStep()) {
                assertThat(earned.get(CommissionRole.OVERRIDE))
                        .isEqualTo(CumulativeAccrual.target(scenario.overrideRate(), null, cash.netCash()));
            }
        }

        List<LedgerEntry> entries = entriesOf(referralId);
        assertThat(entries).noneMatch(e -> e.amount().isZero());
        for (CommissionRole role : CommissionRole.values()) {
            Money running = zero;
            for (LedgerEntry entry : entries.stream().filter(e -> e.role() == role).toList()) {
                running = running.plus(entry.amount());
                // a reversal never takes back more than was accrued
                assertThat(running.isNegative()).isFalse();
                assertThat(entry.type() == EntryType.REVERSAL).isEqualTo(entry.amount().isNegative());
            }
        }
        published.remove(referralId);
        if (scenario.fullyPaid()) {
            Money full = scenario.contractValue().times(scenario.rate());
            Money expected = scenario.cap() == null ? full : full.min(scenario.cap());
            assertThat(earnedByRole(entries, zero).get(CommissionRole.INTRODUCER)).isEqualTo(expected);
        }

        BalanceSheet sheet = new BalanceSheet(LocalDate.parse("2026-06-01"));
        entries.forEach(sheet::add);
        for (CurrencyBalance balance : sheet.balances()) {
            assertThat(balance.balance()).isEqualTo(balance.accrued().minus(balance.reversed()).minus(balance.paid()));
            assertThat(balance.payable().plus(balance.pending())).isEqualTo(balance.balance());
        }
    }

    private static Map<CommissionRole, Money> earnedByRole(List<LedgerEntry> entries, Money zero) {
        Map<CommissionRole, Money> earned = new EnumMap<>(CommissionRole.class);
        for (CommissionRole role : CommissionRole.values()) {
            earned.put(role, entries.stream().filter(e -> e.role() == role).map(LedgerEntry::amount)
                    .reduce(zero, Money::plus));
        }
        return earned;
    }

    private static List<LedgerEntry> entriesOf(String referralId) {
        List<LedgerEntry> entries = new ArrayList<>();
        published.getOrDefault(referralId, List.of()).forEach(event -> {
            if (event instanceof CommissionAccrued a) {
                entries.add(new LedgerEntry(a.entryId(), a.partnerId(), a.referralId(), a.role(), EntryType.ACCRUAL,
                        a.amount(), a.rate(), a.basis(), a.payableAt(), null, a.sourceEventId(), a.explanation(),
                        a.occurredOn(), null));
            } else if (event instanceof CommissionReversed r) {
                entries.add(new LedgerEntry(r.entryId(), r.partnerId(), r.referralId(), r.role(), EntryType.REVERSAL,
                        r.amount(), r.rate(), r.basis(), r.payableAt(), null, r.sourceEventId(), r.explanation(),
                        r.occurredOn(), null));
            }
        });
        return entries;
    }

    /** A contract in a random currency, paid in 1 to 6 parts, with refunds (never above the net cash) between. */
    static Scenario scenario(Random random) {
        String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
        int scale = Money.scaleOf(Money.currencyOf(currency));
        long valueUnits = 1 + (long) (random.nextDouble() * 1_000_000_000L);
        Money value = new Money(BigDecimal.valueOf(valueUnits, scale), Money.currencyOf(currency));
        BigDecimal rate = BigDecimal.valueOf(random.nextInt(3001), 4);
        Money cap = random.nextInt(3) == 0
                ? new Money(BigDecimal.valueOf(1 + (long) (random.nextDouble() * valueUnits / 5), scale),
                value.currency()) : null;
        BigDecimal overrideRate = random.nextBoolean() ? BigDecimal.valueOf(random.nextInt(501), 4) : null;

        int parts = 1 + random.nextInt(6);
        long[] cuts = new long[parts];
        long left = valueUnits;
        for (int i = 0; i < parts - 1; i++) {
            cuts[i] = left <= 1 ? 0 : (long) (random.nextDouble() * left);
            left -= cuts[i];
        }
        cuts[parts - 1] = left;
        boolean fullyPaid = random.nextInt(4) != 0;
        List<Cash> cash = new ArrayList<>();
        long net = 0;
        LocalDate day = LocalDate.parse("2026-01-02");
        for (int i = 0; i < parts; i++) {
            if (cuts[i] > 0) {
                net += cuts[i];
                day = day.plusDays(random.nextInt(10));
                cash.add(new Cash(false, money(cuts[i], scale, value), money(net, scale, value), day));
            }
            if (net > 0 && !fullyPaid && random.nextInt(3) == 0) {
                long refund = 1 + (long) (random.nextDouble() * net);
                refund = Math.min(refund, net);
                net -= refund;
                day = day.plusDays(random.nextInt(10));
                cash.add(new Cash(true, money(refund, scale, value), money(net, scale, value), day));
            }
        }
        if (cash.isEmpty()) {
            cash.add(new Cash(false, value, value, day));
        }
        List<Integer> redelivered = new ArrayList<>();
        for (int step = 0; step < cash.size(); step++) {
            if (random.nextInt(4) == 0) {
                redelivered.add(step);
            }
        }
        int registeredAfterStep = random.nextInt(3) == 0 ? random.nextInt(cash.size()) : -1;
        return new Scenario(value, rate, cap, overrideRate, cash, redelivered, registeredAfterStep);
    }

    private static Money money(long units, int scale, Money like) {
        return new Money(BigDecimal.valueOf(units, scale), like.currency());
    }

    private static Instant at(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
