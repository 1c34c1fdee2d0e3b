package com.rapport.referral.config;

import com.rapport.events.money.Money;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import java.util.List;

/**
 * Money is stored in read models exactly as the API shows it, {@code {"amount": "1234.50", "currency": "EUR"}}:
 * a decimal string, so no database or driver ever turns it into a binary float.
 */
@Configuration(proxyBeanMethods = false)
public class MoneyMongoConversions {

    @Bean
    public MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(new MoneyToDocument(), new DocumentToMoney()));
    }

    @WritingConverter
    static final class MoneyToDocument implements Converter<Money, Document> {
        @Override
        public Document convert(Money money) {
            return new Document("amount", money.amount().toPlainString()).append("currency", money.currencyCode());
        }
    }

    @ReadingConverter
    static final class DocumentToMoney implements Converter<Document, Money> {
        @Override
        public Money convert(Document document) {
            return Money.of(document.getString("amount"), document.getString("currency"));
        }
    }
}
