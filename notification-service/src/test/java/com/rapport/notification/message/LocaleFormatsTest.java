package com.rapport.notification.message;

import com.rapport.events.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Amounts, dates and rates as each language writes them (CLDR data of the JDK). */
class LocaleFormatsTest {

    /** French groups thousands with a narrow no-break space and puts the symbol last after a no-break space. */
    private static final String NARROW_NBSP = "\u202f";
    private static final String NBSP = "\u00a0";

    @Test
    void euroAmountsFollowEachLanguage() {
        Money thousand = Money.of("1000.00", "EUR");

        assertThat(LocaleFormats.money(thousand, Language.EN.locale())).isEqualTo("€1,000.00");
        assertThat(LocaleFormats.money(thousand, Language.FR.locale()))
                .isEqualTo("1" + NARROW_NBSP + "000,00" + NBSP + "€");
        assertThat(LocaleFormats.money(thousand, Language.ZH.locale())).isEqualTo("€1,000.00");
    }

    @Test
    void yuanIsTheYenSignInChineseAndNamedElsewhere() {
        Money amount = Money.of("80000", "CNY");

        assertThat(LocaleFormats.money(amount, Language.ZH.locale())).isEqualTo("¥80,000.00");
        assertThat(LocaleFormats.money(amount, Language.EN.locale())).isEqualTo("CN¥80,000.00");
        assertThat(LocaleFormats.money(amount, Language.FR.locale()))
                .isEqualTo("80" + NARROW_NBSP + "000,00" + NBSP + "CNY");
    }

    @Test
    void currenciesKeepTheirOwnMinorUnits() {
        assertThat(LocaleFormats.money(Money.of("100000", "JPY"), Language.EN.locale())).isEqualTo("¥100,000");
        assertThat(LocaleFormats.money(Money.of("12.345", "BHD"), Language.EN.locale()))
                .startsWith("BHD").endsWith("12.345");
    }

    @Test
    void datesAreWrittenOutInEachLanguageAndTheReadersTimeZone() {
        LocalDate day = LocalDate.of(2026, 11, 20);

        assertThat(LocaleFormats.date(day, Language.EN.locale())).isEqualTo("November 20, 2026");
        assertThat(LocaleFormats.date(day, Language.FR.locale())).isEqualTo("20 novembre 2026");
        assertThat(LocaleFormats.date(day, Language.ZH.locale())).isEqualTo("2026年11月20日");
        assertThat(LocaleFormats.date(Instant.parse("2026-11-20T23:30:00Z"), Language.EN.locale(),
                ZoneId.of("Asia/Shanghai"))).isEqualTo("November 21, 2026");
    }

    @Test
    void ratesArePercentages() {
        assertThat(LocaleFormats.percent(new Percent(new BigDecimal("0.10")), Language.EN.locale())).isEqualTo("10%");
        assertThat(LocaleFormats.percent(new Percent(new BigDecimal("0.125")), Language.FR.locale()))
                .isEqualTo("12,5" + NBSP + "%");
    }
}
