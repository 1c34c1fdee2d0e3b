package com.rapport.commission.accrual;

import com.rapport.commission.dealterms.AgreedTerms;
import com.rapport.commission.ledger.BalanceSheet;
import com.rapport.commission.ledger.CurrencyBalance;
import com.rapport.commission.ledger.EntryType;
import com.rapport.commission.ledger.LedgerEntry;
import com.rapport.commission.plan.PlanTerms;
import com.rapport.commission.plan.PlanVersion;
import com.rapport.commission.plan.Tier;
import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
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
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accrual invariants over thousands of random contracts in EUR, JPY and BHD, driven through the real
 * ReferralCommission aggregate (an in-memory Axon event store): random co-introducer splits, plan rates, caps,
 * overrides, per-deal rates and finder's fees, and random schedules of payments, refunds and amendments, with some
 * events delivered twice. At every step each role's entries add up to its rounded target (worked out here from the
 * rule, not from the production code), an amendment alone writes nothing, a fully paid contract earns exactly its
 * terms, and no entry is ever written twice or changed.
 */
class AccrualInvariantsTest {

    private static final String[] CURRENCIES = {"EUR", "JPY", "BHD"};
    private static final Instant SIGNED = Instant.parse("2026-01-01T00:00:00Z");
    private static Configuration axon;
    private static CommandGateway commands;
    private static final Map<String, List<Object>> published = new ConcurrentHashMap<>();
    /** Creating an aggregate makes the in-memory store scan all it holds: a fresh store every so many contracts. */
    private static final int CONTRACTS_PER_STORE = 500;
    private static int contracts;

    @BeforeContainer
    static void startAxon() {
        // the in-memory store scans every event on a load: the cache keeps thousands of contracts from going quadratic
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

    /** One step of a referral: a payment, a refund or an amendment, with the net cash and contract value after it. */
    record Step(Kind kind, Money amount, Money netCash, Money contractValue, LocalDate on) {
    }

    enum Kind { PAYMENT, REFUND, AMENDMENT }

    /** A co-introducer: its share, plan rate and cap, its parent's override rate (null = no parent). */
    record CoIntroducer(String partnerId, BigDecimal share, BigDecimal rate, Money planCap, BigDecimal overrideRate) {
    }

    record Scenario(Money contractValue, List<CoIntroducer> introducers, AgreedTerms deal, List<Step> steps,
                    Set<Integer> redelivered) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.randomValue(AccrualInvariantsTest::scenario);
    }

    @Property(tries = 3_000)
    void everyRolesEntriesAddUpToItsRoundedTargetAtEveryStepAndAreNeverEdited(
            @ForAll("scenarios") Scenario scenario) {
        if (++contracts % CONTRACTS_PER_STORE == 0) {
            stopAxon();
            startAxon();
        }
        String referralId = UUID.randomUUID().toString();
        List<Introducer> introducers = scenario.introducers().stream().map(i -> new Introducer(
                PartnerId.of(i.partnerId()), "Partner " + i.partnerId(), i.share(),
                i.overrideRate() == null ? null : PartnerId.of("parent-of-" + i.partnerId()),
                1, new PlanVersion("random", 1, new PlanTerms(List.of(new Tier(1, i.rate())),
                i.overrideRate() == null ? BigDecimal.ZERO : i.overrideRate(),
                i.planCap() == null ? List.of() : List.of(i.planCap()), 14, List.of()), SIGNED))).toList();
        LockCommission lock = new LockCommission(ReferralId.of(referralId), "contract-" + referralId,
                scenario.contractValue(), SIGNED, introducers, scenario.deal());
        commands.sendAndWait(lock);
        commands.sendAndWait(lock);

        Money zero = Money.zero(scenario.contractValue().currency());
        List<Object> sent = new ArrayList<>();
        Money contractValue = scenario.contractValue();
        Money netCash = zero;
        for (int step = 0; step < scenario.steps().size(); step++) {
            Step s = scenario.steps().get(step);
            String eventId = referralId + "/" + step;
            int entriesBefore = entriesOf(referralId).size();
            ReferralId referral = ReferralId.of(referralId);
            Object command = switch (s.kind()) {
                case PAYMENT -> new RecordClientPayment(referral, eventId, eventId, s.amount(), at(s.on()),
                        s.on(), s.netCash());
                case REFUND -> new RecordClientRefund(referral, eventId, eventId, s.amount(), at(s.on()),
                        s.on(), s.netCash());
                case AMENDMENT -> new RecordContractAmendment(referral, eventId, "amendment-" + step,
                        s.contractValue().minus(contractValue), s.contractValue(), "change order", at(s.on()));
            };
            commands.sendAndWait(command);
            sent.add(command);
            if (scenario.redelivered().contains(step)) {
                // a redelivered earlier event must change nothing, whatever came after it
                int entries = entriesOf(referralId).size();
                commands.sendAndWait(sent.get(step / 2));
                assertThat(entriesOf(referralId)).hasSize(entries);
            }
            contractValue = s.contractValue();
            netCash = s.netCash();

            List<LedgerEntry> entries = entriesOf(referralId);
            if (s.kind() == Kind.AMENDMENT) {
                assertThat(entries).as("an amendment alone writes no entry").hasSize(entriesBefore);
                continue;
            }
            Map<String, Money> earned = earnedByRole(entries, zero);
            for (CoIntroducer introducer : scenario.introducers()) {
                assertThat(earned.getOrDefault(key(CommissionRole.INTRODUCER, introducer), zero))
                        .isEqualTo(introducerTarget(introducer, scenario.deal(), netCash, contractValue));
                if (introducer.overrideRate() != null && introducer.overrideRate().signum() > 0) {
                    assertThat(earned.getOrDefault(key(CommissionRole.OVERRIDE, introducer), zero))
                            .isEqualTo(round(introducer.overrideRate().multiply(introducer.share())
                                    .multiply(netCash.amount()), zero));
                }
            }
        }

        List<LedgerEntry> entries = entriesOf(referralId);
        assertThat(entries).noneMatch(e -> e.amount().isZero());
        assertThat(entries.stream().map(LedgerEntry::entryId).distinct().count())
                .as("no entry is written twice or changed").isEqualTo(entries.size());
        Map<String, Money> running = new HashMap<>();
        for (LedgerEntry entry : entries) {
            Money after = running.getOrDefault(entry.partnerId() + entry.role(), zero).plus(entry.amount());
            running.put(entry.partnerId() + entry.role(), after);
            // a reversal never takes back more than was accrued
            assertThat(after.isNegative()).isFalse();
            assertThat(entry.type() == EntryType.REVERSAL).isEqualTo(entry.amount().isNegative());
        }
        // fully paid by cash: an amendment down to the cash received writes nothing until the next cash event
        boolean lastWasCash = scenario.steps().get(scenario.steps().size() - 1).kind() != Kind.AMENDMENT;
        if (netCash.equals(contractValue) && lastWasCash) {
            Map<String, Money> earned = earnedByRole(entries, zero);
            for (CoIntroducer introducer : scenario.introducers()) {
                assertThat(earned.getOrDefault(key(CommissionRole.INTRODUCER, introducer), zero))
                        .as("a fully paid contract earns exactly its terms")
                        .isEqualTo(fullyPaid(introducer, scenario.deal(), contractValue));
            }
        }
        published.remove(referralId);

        BalanceSheet sheet = new BalanceSheet(LocalDate.parse("2026-06-01"));
        entries.forEach(sheet::add);
        for (CurrencyBalance balance : sheet.balances()) {
            assertThat(balance.balance()).isEqualTo(balance.accrued().minus(balance.reversed()).minus(balance.paid()));
            assertThat(balance.payable().plus(balance.pending())).isEqualTo(balance.balance());
        }
    }

    /** The rule of COMMISSIONS.md, written out again here as the oracle. */
    private static Money introducerTarget(CoIntroducer introducer, AgreedTerms deal, Money netCash,
                                          Money contractValue) {
        Money zero = Money.zero(netCash.currency());
        Money cap = introducer.planCap();
        Money target;
        if (deal == null) {
            target = round(introducer.rate().multiply(introducer.share()).multiply(netCash.amount()), zero);
        } else {
            cap = deal.cap() == null ? cap : round(deal.cap().amount().multiply(introducer.share()), zero);
            if (deal.rate() != null) {
                target = round(deal.rate().multiply(introducer.share()).multiply(netCash.amount()), zero);
            } else {
                Money fee = round(deal.flatFee().amount().multiply(introducer.share()), zero);
                Money proportional = new Money(deal.flatFee().amount().multiply(introducer.share())
                        .multiply(netCash.amount()).divide(contractValue.amount(),
                                Money.scaleOf(zero.currency()), RoundingMode.HALF_EVEN), zero.currency());
                target = fee.min(proportional);
            }
        }
        return cap == null ? target : target.min(cap);
    }

    private static Money fullyPaid(CoIntroducer introducer, AgreedTerms deal, Money contractValue) {
        Money zero = Money.zero(contractValue.currency());
        if (deal != null && deal.flatFee() != null) {
            Money fee = round(deal.flatFee().amount().multiply(introducer.share()), zero);
            Money cap = deal.cap() == null ? introducer.planCap()
                    : round(deal.cap().amount().multiply(introducer.share()), zero);
            return cap == null ? fee : fee.min(cap);
        }
        return introducerTarget(introducer, deal, contractValue, contractValue);
    }

    private static Money round(BigDecimal exact, Money like) {
        return new Money(exact.setScale(Money.scaleOf(like.currency()), RoundingMode.HALF_EVEN), like.currency());
    }

    private static String key(CommissionRole role, CoIntroducer introducer) {
        return role == CommissionRole.INTRODUCER ? role + introducer.partnerId()
                : role + "parent-of-" + introducer.partnerId();
    }

    private static Map<String, Money> earnedByRole(List<LedgerEntry> entries, Money zero) {
        Map<String, Money> earned = new HashMap<>();
        for (LedgerEntry entry : entries) {
            earned.merge(entry.role() + entry.partnerId(), entry.amount(), Money::plus);
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

    /**
     * A contract in a random currency split among 1 to 3 introducers, on plan rates or per-deal terms, paid in random
     * parts with refunds and amendments (never below the net cash) between; three in four end fully paid.
     */
    static Scenario scenario(Random random) {
        String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
        int scale = Money.scaleOf(Money.currencyOf(currency));
        long valueUnits = 1 + (long) (random.nextDouble() * 1_000_000_000L);
        Money value = money(valueUnits, scale, currency);

        int count = 1 + random.nextInt(3);
        List<CoIntroducer> introducers = new ArrayList<>();
        int left = 10_000;
        for (int i = 0; i < count; i++) {
            int share = i == count - 1 ? left : 1 + random.nextInt(left - (count - 1 - i));
            left -= share;
            Money planCap = random.nextInt(4) == 0 ? money(1 + (long) (random.nextDouble() * valueUnits / 5), scale,
                    currency) : null;
            BigDecimal overrideRate = random.nextBoolean() ? BigDecimal.valueOf(random.nextInt(501), 4) : null;
            introducers.add(new CoIntroducer("p" + i, BigDecimal.valueOf(share, 4), BigDecimal.valueOf(
                    random.nextInt(3001), 4), planCap, overrideRate));
        }
        AgreedTerms deal = switch (random.nextInt(4)) {
            case 0 -> new AgreedTerms(BigDecimal.valueOf(1 + random.nextInt(3000), 4), null, randomCap(random,
                    valueUnits, scale, currency), "agreed");
            case 1 -> new AgreedTerms(null, money(1 + (long) (random.nextDouble() * valueUnits / 3), scale,
                    currency), randomCap(random, valueUnits, scale, currency), "finder's fee");
            default -> null;
        };

        boolean fullyPaid = random.nextInt(4) != 0;
        List<Step> steps = new ArrayList<>();
        long contract = valueUnits;
        long net = 0;
        LocalDate day = LocalDate.parse("2026-01-02");
        int parts = 1 + random.nextInt(6);
        for (int i = 0; i < parts && net < contract; i++) {
            day = day.plusDays(random.nextInt(10));
            long payment = i == parts - 1 && fullyPaid ? contract - net
                    : 1 + (long) (random.nextDouble() * (contract - net));
            net += payment;
            steps.add(new Step(Kind.PAYMENT, money(payment, scale, currency), money(net, scale, currency),
                    money(contract, scale, currency), day));
            if (random.nextInt(3) == 0 && net > 0) {
                long refund = 1 + (long) (random.nextDouble() * net);
                net -= refund;
                steps.add(new Step(Kind.REFUND, money(refund, scale, currency), money(net, scale, currency),
                        money(contract, scale, currency), day));
            }
            if (random.nextInt(3) == 0) {
                // grows or shrinks, but stays positive and at least the net cash
                long amended = Math.max(Math.max(net, 1), contract + (long) ((random.nextDouble() - 0.5) * contract));
                contract = amended;
                steps.add(new Step(Kind.AMENDMENT, money(Math.abs(amended - contract), scale, currency),
                        money(net, scale, currency), money(contract, scale, currency), day));
            }
        }
        if (fullyPaid && net < contract) {
            steps.add(new Step(Kind.PAYMENT, money(contract - net, scale, currency), money(contract, scale, currency),
                    money(contract, scale, currency), day.plusDays(1)));
        }
        Set<Integer> redelivered = new HashSet<>();
        for (int step = 0; step < steps.size(); step++) {
            if (random.nextInt(4) == 0) {
                redelivered.add(step);
            }
        }
        return new Scenario(value, introducers, deal, steps, redelivered);
    }

    private static Money randomCap(Random random, long valueUnits, int scale, String currency) {
        return random.nextInt(3) == 0 ? money(1 + (long) (random.nextDouble() * valueUnits / 8), scale, currency)
                : null;
    }

    private static Money money(long units, int scale, String currency) {
        return new Money(BigDecimal.valueOf(units, scale), Money.currencyOf(currency));
    }

    private static Instant at(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
