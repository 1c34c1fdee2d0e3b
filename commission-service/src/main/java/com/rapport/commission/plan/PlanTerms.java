package com.rapport.commission.plan;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.rapport.commission.config.PlainDecimalSerializer;
import com.rapport.events.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a plan version says (COMMISSIONS.md "Plans"): tiers by contract number, the parent partner's override rate,
 * an optional cap per referral and least payout per currency, and the hold before a commission is payable.
 */
public record PlanTerms(
        List<Tier> tiers,
        @JsonSerialize(using = PlainDecimalSerializer.class) BigDecimal overrideRate,
        @JsonDeserialize(using = MoneyPerCurrencyDeserializer.class) List<Money> capPerReferral,
        int holdDays,
        @JsonDeserialize(using = MoneyPerCurrencyDeserializer.class) List<Money> minimumPayout) {

    public PlanTerms {
        tiers = tiers == null ? List.of()
                : tiers.stream().sorted(Comparator.comparingInt(Tier::fromContracts)).toList();
        overrideRate = overrideRate == null ? BigDecimal.ZERO : overrideRate;
        capPerReferral = capPerReferral == null ? List.of() : List.copyOf(capPerReferral);
        minimumPayout = minimumPayout == null ? List.of() : List.copyOf(minimumPayout);
    }

    /** Why these terms cannot be a plan; empty when they can. */
    public List<String> violations() {
        List<String> problems = new ArrayList<>();
        if (tiers.isEmpty()) {
            problems.add("tiers: at least one tier is needed");
        } else if (tiers.get(0).fromContracts() != 1) {
            problems.add("tiers: the first tier must start at contract 1");
        }
        Set<Integer> starts = new HashSet<>();
        for (Tier tier : tiers) {
            if (tier.rate() == null || !isRate(tier.rate())) {
                problems.add("tiers: rate of the tier from contract %d must be between 0 and 1"
                        .formatted(tier.fromContracts()));
            }
            if (!starts.add(tier.fromContracts())) {
                problems.add("tiers: two tiers start at contract " + tier.fromContracts());
            }
        }
        if (!isRate(overrideRate)) {
            problems.add("overrideRate: must be between 0 and 1");
        }
        if (holdDays < 0) {
            problems.add("holdDays: must not be negative");
        }
        requirePositiveOncePerCurrency("capPerReferral", capPerReferral, problems);
        requirePositiveOncePerCurrency("minimumPayout", minimumPayout, problems);
        return problems;
    }

    /** COMMISSIONS.md: the tier with the largest {@code fromContracts} ≤ n. */
    public TierChoice tierFor(int contractNumber) {
        int index = -1;
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).fromContracts() <= contractNumber) {
                index = i;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException("no tier for contract " + contractNumber);
        }
        Tier tier = tiers.get(index);
        Integer nextStart = index + 1 < tiers.size() ? tiers.get(index + 1).fromContracts() : null;
        return new TierChoice(index + 1, tier.rate(), label(tier.fromContracts(), nextStart));
    }

    public Optional<Money> capFor(Currency currency) {
        return capPerReferral.stream().filter(m -> m.currency().equals(currency)).findFirst();
    }

    public Optional<Money> minimumPayoutFor(Currency currency) {
        return minimumPayout.stream().filter(m -> m.currency().equals(currency)).findFirst();
    }

    private static String label(int from, Integer nextStart) {
        if (nextStart == null) {
            return from == 1 ? "every contract" : "contract %d onwards".formatted(from);
        }
        int last = nextStart - 1;
        if (from == 1) {
            return last == 1 ? "first contract" : "first %d contracts".formatted(last);
        }
        return last == from ? "contract %d".formatted(from) : "contracts %d to %d".formatted(from, last);
    }

    private static boolean isRate(BigDecimal rate) {
        return rate.signum() >= 0 && rate.compareTo(BigDecimal.ONE) <= 0;
    }

    private static void requirePositiveOncePerCurrency(String field, List<Money> amounts, List<String> problems) {
        Set<Currency> seen = new HashSet<>();
        for (Money amount : amounts) {
            if (!amount.isPositive()) {
                problems.add("%s: %s must be positive".formatted(field, amount));
            }
            if (!seen.add(amount.currency())) {
                problems.add("%s: %s is given twice".formatted(field, amount.currencyCode()));
            }
        }
    }
}
