package com.rapport.commission.payout;

import com.mongodb.reactivestreams.client.MongoClient;
import com.rapport.support.mongo.MoneyMongoConversions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.SimpleReactiveMongoDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/** A template outside a Spring context that maps read-model records as the service's does (money included). */
public final class MappedTemplates {

    private MappedTemplates() {
    }

    public static ReactiveMongoTemplate of(MongoClient client, String database) {
        MongoCustomConversions conversions = new MoneyMongoConversions().mongoCustomConversions();
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return new ReactiveMongoTemplate(new SimpleReactiveMongoDatabaseFactory(client, database), converter);
    }
}
