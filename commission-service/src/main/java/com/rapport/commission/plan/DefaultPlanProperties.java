package com.rapport.commission.plan;

import com.rapport.events.money.Money;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** {@code rapport.commission.default-plan.*}: the plan every partner is on until finance assigns another. */
@ConfigurationProperties("rapport.commission.default-plan")
public record DefaultPlanProperties(String planId, List<Tier> tiers, BigDecimal overrideRate, int holdDays,
                                    Map<String, BigDecimal> capPerReferral, Map<String, BigDecimal> minimumPayout) {

    public PlanTerms terms() {
        return new PlanTerms(tiers, overrideRate, perCurrency(capPerReferral), holdDays, perCurrency(minimumPayout));
    }

    private static List<Money> perCurrency(Map<String, BigDecimal> amounts) {
        return amounts == null ? List.of()
                : amounts.entrySet().stream().map(e -> Money.of(e.getValue(), e.getKey())).toList();
    }
}
