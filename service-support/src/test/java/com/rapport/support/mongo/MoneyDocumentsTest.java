package com.rapport.support.mongo;

import com.rapport.events.money.Money;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Money is kept one way in every service, hand-built or mapped, and keeps its currency's scale. */
class MoneyDocumentsTest {

    record Line(String id, Money amount) {
    }

    @Nested
    class HandBuiltDocuments {

        @Test
        void anAmountIsAnExactDecimalBesideItsCurrency() {
            Document stored = MoneyDocuments.toDocument(Money.of("1234.50", "EUR"));

            assertThat(stored.get("amount")).isEqualTo(new Decimal128(new BigDecimal("1234.50")));
            assertThat(stored.getString("currency")).isEqualTo("EUR");
            assertThat(MoneyDocuments.fromDocument(stored)).isEqualTo(Money.of("1234.50", "EUR"));
        }

        @Test
        void aYenAmountKeepsNoDecimals() {
            Money yen = MoneyDocuments.fromDocument(MoneyDocuments.toDocument(Money.of("1500", "JPY")));

            assertThat(yen.amount().scale()).isZero();
        }

        @Test
        void anAmountWrittenAsADecimalStringBeforeStillReads() {
            Document legacy = new Document("amount", "80000.00").append("currency", "CNY");

            assertThat(MoneyDocuments.fromDocument(legacy)).isEqualTo(Money.of("80000.00", "CNY"));
        }

        @Test
        void nothingStoredIsNoMoney() {
            assertThat(MoneyDocuments.fromDocument(null)).isNull();
            assertThat(MoneyDocuments.fromDocument("12.00")).isNull();
            assertThat(MoneyDocuments.toDocument(null)).isNull();
        }
    }

    @Test
    void aMappedRecordStoresMoneyTheSameWay() {
        // wired as Spring Boot wires them: the conversions also tell the mapping context that Money is a value
        MongoCustomConversions conversions = new MoneyMongoConversions().mongoCustomConversions();
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();

        Document written = new Document();
        converter.write(new Line("l-1", Money.of("30.00", "EUR")), written);

        assertThat(written.get("amount", Document.class)).isEqualTo(MoneyDocuments.toDocument(Money.of("30.00", "EUR")));
        assertThat(converter.read(Line.class, written).amount()).isEqualTo(Money.of("30.00", "EUR"));
    }
}
