package com.rapport.events.money;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({"10, EUR, 10.00", "1000005, JPY, 1000005", "1.5, BHD, 1.500", "80000, CNY, 80000.00", "10.000, EUR, 10.00"})
    void amountsAreHeldAtTheCurrencyScale(String amount, String currency, String expected) {
        assertThat(Money.of(amount, currency).amount().toPlainString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"10.001, EUR", "1.5, JPY", "0.0001, BHD"})
    void moreFractionDigitsThanTheCurrencyHasAreRefused(String amount, String currency) {
        assertThatThrownBy(() -> Money.of(amount, currency))
                .isInstanceOf(InvalidMoneyException.class)
                .hasMessageContaining("fraction digits");
    }

    @Test
    void unknownCurrencyIsRefused() {
        assertThatThrownBy(() -> Money.of("1", "EUX")).isInstanceOf(InvalidMoneyException.class)
                .hasMessageContaining("unknown currency");
        assertThatThrownBy(() -> Money.of("1", "XAU")).isInstanceOf(InvalidMoneyException.class);
    }

    @Test
    void timesRoundsHalfEvenToTheMinorUnit() {
        // COMMISSIONS.md example 5: 10 % of 1,000,005 JPY is 100,000.5 and rounds half-even to 100,000
        assertThat(Money.of("1000005", "JPY").times(new BigDecimal("0.10"))).isEqualTo(Money.of("100000", "JPY"));
        assertThat(Money.of("1000015", "JPY").times(new BigDecimal("0.10"))).isEqualTo(Money.of("100002", "JPY"));
        assertThat(Money.of("3333.33", "EUR").times(new BigDecimal("0.10"))).isEqualTo(Money.of("333.33", "EUR"));
    }

    @Test
    void arithmeticAcrossCurrenciesIsRefused() {
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
                .isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void jsonWritesTheAmountAsADecimalString() throws Exception {
        assertThat(json.writeValueAsString(Money.of("1234.5", "EUR")))
                .isEqualTo("{\"amount\":\"1234.50\",\"currency\":\"EUR\"}");
    }

    @Test
    void jsonReadsAStringOrANumberExactlyAsWritten() throws Exception {
        assertThat(json.readValue("{\"amount\": \"80000\", \"currency\": \"CNY\"}", Money.class))
                .isEqualTo(Money.of("80000.00", "CNY"));
        assertThat(json.readValue("{\"currency\": \"EUR\", \"amount\": 0.1}", Money.class))
                .isEqualTo(Money.of("0.10", "EUR"));
    }

    @Test
    void jsonWithTooManyDigitsFailsWithTheMoneyReason() {
        Throwable error = org.assertj.core.api.Assertions.catchThrowable(
                () -> json.readValue("{\"amount\": 1.234, \"currency\": \"EUR\"}", Money.class));
        while (error != null && !(error instanceof InvalidMoneyException)) {
            error = error.getCause();
        }
        assertThat(error).isInstanceOf(InvalidMoneyException.class).hasMessageContaining("fraction digits");
    }

    // issue 10, defect 1: these passed before the fix (1e100000 EUR answered 201)
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"1e100000", "1E5", "1e-2", "NaN", "Infinity", "-Infinity",
            "1234567890123456", "0x10", "1_000", "1,5", " ", "+-1", "1.2.3"})
    void exponentsNonNumbersAndHugeAmountsAreRefusedAsText(String amount) {
        assertThatThrownBy(() -> Money.of(amount, "EUR")).isInstanceOf(InvalidMoneyException.class);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"{\"amount\": 1e100000, \"currency\": \"EUR\"}",
            "{\"amount\": 1E3, \"currency\": \"EUR\"}", "{\"amount\": \"1e3\", \"currency\": \"EUR\"}",
            "{\"amount\": 12345678901234567, \"currency\": \"JPY\"}"})
    void exponentsAndHugeAmountsAreRefusedInJson(String body) {
        Throwable error = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> json.readValue(body, Money.class));
        while (error.getCause() != null && !(error instanceof InvalidMoneyException)) {
            error = error.getCause();
        }
        assertThat(error).isInstanceOf(InvalidMoneyException.class);
    }

    @Test
    void fifteenIntegerDigitsAreTheMost() {
        assertThat(Money.of("999999999999999.99", "EUR").amount().toPlainString()).isEqualTo("999999999999999.99");
        assertThatThrownBy(() -> new Money(new BigDecimal("1E+15"), java.util.Currency.getInstance("EUR")))
                .isInstanceOf(InvalidMoneyException.class);
        assertThatThrownBy(() -> new Money(new BigDecimal("1E+100000"), java.util.Currency.getInstance("EUR")))
                .isInstanceOf(InvalidMoneyException.class);
    }
}
