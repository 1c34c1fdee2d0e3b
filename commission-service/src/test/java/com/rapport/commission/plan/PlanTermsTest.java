package com.rapport.commission.plan;

import com.rapport.events.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlanTermsTest {

    private final PlanTerms standard = new PlanTerms(List.of(new Tier(6, new BigDecimal("0.15")),
            new Tier(1, new BigDecimal("0.10")), new Tier(3, new BigDecimal("0.12"))), new BigDecimal("0.02"),
            List.of(Money.of("500.00", "EUR")), 14, List.of());

    @Test
    void aContractEarnsTheTierWithTheLargestStartNotAboveItsNumber() {
        assertThat(standard.tierFor(1).describe()).isEqualTo("tier 1: first 2 contracts");
        assertThat(standard.tierFor(2).rate()).isEqualByComparingTo("0.10");
        assertThat(standard.tierFor(3).describe()).isEqualTo("tier 2: contracts 3 to 5");
        assertThat(standard.tierFor(5).rate()).isEqualByComparingTo("0.12");
        assertThat(standard.tierFor(6).describe()).isEqualTo("tier 3: contract 6 onwards");
        assertThat(standard.tierFor(60).rate()).isEqualByComparingTo("0.15");
    }

    @Test
    void aSingleTierPlanAppliesToEveryContract() {
        PlanTerms flat = new PlanTerms(List.of(new Tier(1, new BigDecimal("0.05"))), null, null, 0, null);
        assertThat(flat.tierFor(7).describe()).isEqualTo("tier 1: every contract");
        assertThat(flat.violations()).isEmpty();
    }

    @Test
    void capsAndMinimumsAreLookedUpByCurrency() {
        assertThat(standard.capFor(Money.currencyOf("EUR"))).contains(Money.of("500.00", "EUR"));
        assertThat(standard.capFor(Money.currencyOf("JPY"))).isEmpty();
        assertThat(standard.minimumPayoutFor(Money.currencyOf("EUR"))).isEmpty();
    }

    @Test
    void everyBrokenRuleIsNamed() {
        PlanTerms broken = new PlanTerms(List.of(new Tier(2, new BigDecimal("-0.1")), new Tier(2,
                new BigDecimal("0.2"))), new BigDecimal("2"), List.of(Money.of("-1.00", "EUR")), -1,
                List.of(Money.of("5", "JPY"), Money.of("6", "JPY")));
        assertThat(broken.violations()).containsExactlyInAnyOrder(
                "tiers: the first tier must start at contract 1",
                "tiers: rate of the tier from contract 2 must be between 0 and 1",
                "tiers: two tiers start at contract 2",
                "overrideRate: must be between 0 and 1",
                "holdDays: must not be negative",
                "capPerReferral: -1.00 EUR must be positive",
                "minimumPayout: JPY is given twice");
    }
}
