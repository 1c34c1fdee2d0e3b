package com.rapport.support.mongo;

import com.rapport.events.money.Money;
import org.bson.Document;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.data.mongo.MongoReactiveDataAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import java.util.List;

/** Every service's mapped read models keep {@link Money} as {@link MoneyDocuments} says. */
@AutoConfiguration(before = {MongoDataAutoConfiguration.class, MongoReactiveDataAutoConfiguration.class})
@ConditionalOnClass(MongoCustomConversions.class)
public class MoneyMongoConversions {

    @Bean
    @ConditionalOnMissingBean
    public MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(new MoneyToDocument(), new DocumentToMoney()));
    }

    @WritingConverter
    static final class MoneyToDocument implements Converter<Money, Document> {
        @Override
        public Document convert(Money money) {
            return MoneyDocuments.toDocument(money);
        }
    }

    @ReadingConverter
    static final class DocumentToMoney implements Converter<Document, Money> {
        @Override
        public Money convert(Document document) {
            return MoneyDocuments.fromDocument(document);
        }
    }
}
