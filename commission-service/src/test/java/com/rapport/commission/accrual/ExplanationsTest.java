package com.rapport.commission.accrual;

import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ExplanationsTest {

    @Test
    void anIntroducerEntrySaysRateCashDateContractAndTier() {
        String sentence = Explanations.explain(new Explanations.Context(CommissionRole.INTRODUCER,
                new BigDecimal("0.10"), "tier 1: first 2 contracts", null, false, false,
                Money.of("3333.34", "EUR"), LocalDate.parse("2026-11-20"), Money.of("10000.00", "EUR"), "P"));

        assertThat(sentence).isEqualTo(
                "10% of a 3,333.34 EUR payment received 2026-11-20 (contract 10,000.00 EUR; tier 1: first 2 contracts)");
    }

    @Test
    void aCappedReversalSaysItWasTakenBackAndCapped() {
        String sentence = Explanations.explain(new Explanations.Context(CommissionRole.INTRODUCER,
                new BigDecimal("0.125"), "tier 2: contracts 3 to 5", Money.of("500", "JPY"), true, true,
                Money.of("10000", "JPY"), LocalDate.parse("2026-11-25"), Money.of("1000000", "JPY"), "P"));

        assertThat(sentence).isEqualTo("12.5% of a 10,000 JPY refund issued 2026-11-25, taken back "
                + "(contract 1,000,000 JPY; tier 2: contracts 3 to 5; capped at 500 JPY per referral)");
    }

    @Test
    void anOverrideEntryNamesThePartnerWhoseClientPaid() {
        String sentence = Explanations.explain(new Explanations.Context(CommissionRole.OVERRIDE,
                new BigDecimal("0.02"), "override", null, false, false, Money.of("1.500", "BHD"),
                LocalDate.parse("2026-11-20"), Money.of("10.000", "BHD"), "Acme Partners"));

        assertThat(sentence).isEqualTo("2% override on a 1.500 BHD payment received 2026-11-20 from a client of "
                + "Acme Partners, a partner you introduced (contract 10.000 BHD)");
    }
}
