package com.rapport.support.mongo;

import com.rapport.events.money.Money;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;

/**
 * The one way money is kept in MongoDB, in every service: {@code {"amount": Decimal128, "currency": "EUR"}}. A
 * decimal is exact at any scale and MongoDB can sum it; the amount keeps the currency's scale. Read models mapped by
 * Spring Data get it through {@link MoneyMongoConversions}; hand-built documents call these two functions.
 * Amounts written as decimal strings (referral's and notification's read models before this mapping) still read.
 */
public final class MoneyDocuments {

    private MoneyDocuments() {
    }

    public static Document toDocument(Money money) {
        if (money == null) {
            return null;
        }
        return new Document("amount", new Decimal128(money.amount())).append("currency", money.currencyCode());
    }

    /** The money in a stored value, or null when it holds none. */
    public static Money fromDocument(Object value) {
        if (!(value instanceof Document document) || document.get("amount") == null) {
            return null;
        }
        return Money.of(decimal(document.get("amount")), document.getString("currency"));
    }

    /** A stored decimal, whether Decimal128 or a decimal string. */
    public static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        return new BigDecimal(value.toString());
    }
}
