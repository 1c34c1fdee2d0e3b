package com.rapport.commission.config;

import com.rapport.events.money.Money;
import com.rapport.support.mongo.MoneyDocuments;
import org.bson.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

/**
 * How read models keep money and dates: money by service-support's one mapping ({@link MoneyDocuments}: Decimal128
 * next to the currency code), rates as decimal strings, calendar dates as ISO strings (they sort and compare as
 * dates do).
 */
public final class BsonValues {

    private BsonValues() {
    }

    public static Document money(Money money) {
        return MoneyDocuments.toDocument(money);
    }

    public static Money money(Object value) {
        return MoneyDocuments.fromDocument(value);
    }

    public static BigDecimal decimal(Object value) {
        return MoneyDocuments.decimal(value);
    }

    public static String rate(BigDecimal rate) {
        return rate == null ? null : rate.toPlainString();
    }

    public static BigDecimal rate(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    public static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    public static LocalDate date(Object value) {
        return value == null ? null : LocalDate.parse(value.toString());
    }

    public static Date instant(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }
}
