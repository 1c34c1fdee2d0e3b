package com.rapport.support.mongo;

import org.bson.Document;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.data.mongo.MongoReactiveDataAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * MongoDB health by {@code ping}, which every MongoDB-wire-protocol server answers. Spring Boot's own indicator
 * sends {@code hello}, which mongo-java-server does not implement, and would report DOWN forever. The bean name
 * replaces Boot's indicator.
 */
@AutoConfiguration(after = MongoReactiveDataAutoConfiguration.class, beforeName = {
        "org.springframework.boot.actuate.autoconfigure.data.mongo.MongoReactiveHealthContributorAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.data.mongo.MongoHealthContributorAutoConfiguration"})
@ConditionalOnClass({ReactiveMongoTemplate.class, ReactiveHealthIndicator.class})
public class MongoPingHealthConfiguration {

    @Bean(name = "mongoHealthContributor")
    @ConditionalOnBean(ReactiveMongoTemplate.class)
    public ReactiveHealthIndicator mongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        return () -> mongo.executeCommand(new Document("ping", 1))
                .then(mongo.getMongoDatabase())
                .map(database -> Health.up().withDetail("database", database.getName()).build())
                .timeout(Duration.ofSeconds(3))
                .onErrorResume(error -> Mono.just(Health.down(error).build()));
    }
}
