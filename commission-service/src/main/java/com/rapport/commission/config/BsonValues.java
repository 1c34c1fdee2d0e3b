package com.rapport.commission.config;

import com.rapport.events.money.Money;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

/**
 * How read models keep money and dates: amounts as Decimal128 next to their currency code (exact, and summable by
 * MongoDB itself), rates as decimal strings, calendar dates as ISO strings (they sort and compare as dates do).
 */
public final class BsonValues {

    private BsonValues() {
    }

    public static Document money(Money money) {
        if (money == null) {
            return null;
        }
        return new Document("amount", new Decimal128(money.amount())).append("currency", money.currencyCode());
    }

    public static Money money(Object value) {
        if (!(value instanceof Document document)) {
            return null;
        }
        return Money.of(decimal(document.get("amount")), document.getString("currency"));
    }

    public static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        return new BigDecimal(value.toString());
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
