package com.rapport.support.operations;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.CompositeRecordInterceptor;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.RecordInterceptor;

import com.rapport.support.kafka.ConsumerFailures;

import java.time.Clock;
import java.util.Arrays;
import java.time.Duration;

/**
 * What operations read from every service besides Boot's own (API.md "Operations"): Kafka in the readiness group
 * ({@link KafkaHealthIndicator}, contributor {@code kafka}; the database is {@code mongo}, see
 * {@code MongoPingHealthConfiguration}; the group is set in {@code rapport-service-defaults.yml}), and the freshness
 * of consumed events ({@link EventFreshness}). Kafka consumer and producer metrics (records lag per
 * topic/partition, send rates) come from Boot's Kafka metrics auto-configuration on the factories.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass({KafkaAdmin.class, ReactiveHealthIndicator.class})
public class OperationsConfiguration {

    @Bean(name = "kafkaHealthContributor")
    @ConditionalOnBean(KafkaAdmin.class)
    @ConditionalOnMissingBean(name = "kafkaHealthContributor")
    public KafkaHealthIndicator kafkaHealthIndicator(
            KafkaAdmin kafkaAdmin,
            @Value("${rapport.health.kafka.timeout:2s}") Duration timeout,
            @Value("${rapport.health.kafka.cache-for:5s}") Duration cacheFor) {
        return new KafkaHealthIndicator(kafkaAdmin.getConfigurationProperties(), timeout, cacheFor, Clock.systemUTC());
    }

    /**
     * Adds the freshness timer to whatever record interceptor the listener factory has (the tracing log), on every
     * container Boot's factory makes, and shows the failure counters of the topics it consumes at zero.
     */
    @Bean
    @ConditionalOnMissingBean(ContainerCustomizer.class)
    public ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> eventFreshnessOnListeners(
            ObjectProvider<RecordInterceptor<Object, Object>> interceptors, ObjectProvider<MeterRegistry> meters,
            ObjectProvider<ConsumerFailures> failures) {
        return container -> {
            String[] topics = container.getContainerProperties().getTopics();
            ConsumerFailures counted = failures.getIfUnique();
            if (topics != null && counted != null) {
                Arrays.stream(topics).forEach(counted::consumes);
            }
            MeterRegistry registry = meters.getIfUnique();
            if (registry == null) {
                return;
            }
            EventFreshness freshness = new EventFreshness(registry, Clock.systemUTC());
            RecordInterceptor<Object, Object> existing = interceptors.getIfUnique();
            container.setRecordInterceptor(existing == null ? freshness
                    : new CompositeRecordInterceptor<>(existing, freshness));
        };
    }
}
