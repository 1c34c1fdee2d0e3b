package com.rapport.commission.invoice;

import com.rapport.commission.invoice.VatRules.VatDecision;
import com.rapport.events.money.Money;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class VatRulesTest {

    private static final BigDecimal NINETEEN = new BigDecimal("0.19");

    @Nested
    class DecidesTheTreatment {

        @Test
        void noVatWhenThePartnerIsNotRegistered() {
            VatDecision decision = VatRules.decide(false, null, "DE", NINETEEN);
            assertThat(decision.treatment()).isEqualTo(VatTreatment.NOT_REGISTERED);
            assertThat(decision.rate()).isZero();
        }

        @Test
        void notRegisteredWinsOverACountry() {
            assertThat(VatRules.decide(false, "DE", "DE", NINETEEN).treatment())
                    .isEqualTo(VatTreatment.NOT_REGISTERED);
        }

        @Test
        void theDomesticRateWhenRegisteredInTheBusinesssCountry() {
            VatDecision decision = VatRules.decide(true, "DE", "DE", NINETEEN);
            assertThat(decision.treatment()).isEqualTo(VatTreatment.DOMESTIC);
            assertThat(decision.rate()).isEqualByComparingTo("0.19");
        }

        @Test
        void reverseChargeWhenRegisteredInAnotherEuCountry() {
            VatDecision decision = VatRules.decide(true, "FR", "DE", NINETEEN);
            assertThat(decision.treatment()).isEqualTo(VatTreatment.REVERSE_CHARGE);
            assertThat(decision.rate()).isZero();
            assertThat(VatTreatment.REVERSE_CHARGE.note()).startsWith("Reverse charge");
        }

        @Test
        void noVatAndNoReverseChargeWhenRegisteredOutsideTheEu() {
            assertThat(VatRules.decide(true, "CH", "DE", NINETEEN).treatment()).isEqualTo(VatTreatment.OUTSIDE_EU);
            assertThat(VatRules.decide(true, "GB", "DE", NINETEEN).treatment()).isEqualTo(VatTreatment.OUTSIDE_EU);
            assertThat(VatTreatment.OUTSIDE_EU.note()).doesNotContain("Reverse charge");
        }

        @Test
        void aBusinessOutsideTheEuChargesNoReverseCharge() {
            assertThat(VatRules.decide(true, "DE", "CH", new BigDecimal("0.081")).treatment())
                    .isEqualTo(VatTreatment.OUTSIDE_EU);
            assertThat(VatRules.decide(true, "CH", "CH", new BigDecimal("0.081")).treatment())
                    .isEqualTo(VatTreatment.DOMESTIC);
        }
    }

    @Nested
    class RoundsToTheCurrencysMinorUnits {

        @Test
        void halfUpInCents() {
            // 10.05 × 0.19 = 1.9095 → 1.91; 1.50 × 0.19 = 0.285 → 0.29 (half-even would give 0.28)
            assertThat(VatRules.vatOn(Money.of("10.05", "EUR"), NINETEEN)).isEqualTo(Money.of("1.91", "EUR"));
            assertThat(VatRules.vatOn(Money.of("1.50", "EUR"), NINETEEN)).isEqualTo(Money.of("0.29", "EUR"));
            assertThat(VatRules.vatOn(Money.of("2.50", "EUR"), new BigDecimal("0.07")))
                    .isEqualTo(Money.of("0.18", "EUR"));
        }

        @Test
        void wholeYenAndThreeDecimalDinars() {
            assertThat(VatRules.vatOn(Money.of("1005", "JPY"), new BigDecimal("0.10")))
                    .isEqualTo(Money.of("101", "JPY"));
            assertThat(VatRules.vatOn(Money.of("10.005", "BHD"), new BigDecimal("0.10")))
                    .isEqualTo(Money.of("1.001", "BHD"));
        }

        @Test
        void zeroRateIsZeroAtTheCurrencysScale() {
            assertThat(VatRules.vatOn(Money.of("99.99", "EUR"), BigDecimal.ZERO).amount()).isEqualByComparingTo("0")
                    .hasToString("0.00");
        }
    }
}
